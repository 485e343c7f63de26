#include "textflag.h"

// func widenBytes(dst *uint16, src *byte, n int)
// Zero-extends n bytes (a multiple of 16) from src to n uint16 at dst, 16 at a time (SSE2).
TEXT ·widenBytes(SB), NOSPLIT, $0-24
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	PXOR X0, X0

loop:
	CMPQ CX, $16
	JB   done
	MOVOU (SI), X1
	MOVOU X1, X2
	PUNPCKLBW X0, X1
	PUNPCKHBW X0, X2
	MOVOU X1, (DI)
	MOVOU X2, 16(DI)
	ADDQ $16, SI
	ADDQ $32, DI
	SUBQ $16, CX
	JMP  loop

done:
	RET

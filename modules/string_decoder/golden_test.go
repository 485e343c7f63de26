package string_decoder_test

import (
	"testing"

	"github.com/gojs-dev/gojs/modules/buffer/buffertest"
	"github.com/gojs-dev/gojs/modules/string_decoder"
)

func TestGoldens(t *testing.T) {
	buffertest.Goldens(t, "../..", []string{"string_decoder_*.txtar"}, &string_decoder.Module)
}

// Package intl implements the ECMAScript globals goja lacks and Node has: Intl
// (https://nodejs.org/api/intl.html, https://tc39.es/ecma402/), WeakRef and
// FinalizationRegistry (https://nodejs.org/api/globals.html).
//
// Intl covers English (en, en-US and its regional variants) as Node 20 prints it with its full
// ICU. NumberFormat (and Number's and BigInt's toLocaleString), PluralRules, DateTimeFormat
// (and Date's toLocale*String), RelativeTimeFormat and ListFormat also cover 47 more languages and their regions,
// and every English region node's ICU has (en-JM, en-KE, en-DE...; a locale's data the same as another's is stored once) (locales.bin: the
// symbols, patterns, currency and unit names, and date layouts and names node 20's ICU uses,
// generated from node by gen_locales.js; the formatting and the plural rules are ours). Dates
// have every date-only and time-only combination of fields (a time also with each style of zone
// name), the styles, and common date-and-time bags; other bags join a date and a time layout with the locale's glue, as ICU does. Time zone
// names stay English. Locales whose calendar is not Gregorian (fa, ar-SA) keep English dates;
// Thai's Buddhist calendar is there. For the other constructors, and for other languages, a locale
// falls back to en-US, and resolvedOptions().locale says so, as Node does for a locale its ICU
// lacks. WeakRef and FinalizationRegistry are weak for real: goja's objects are Go
// pointers collected by Go's collector, so a weak.Pointer and runtime.AddCleanup observe them.
package intl

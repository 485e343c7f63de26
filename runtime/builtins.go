package runtime

import (
	"github.com/gojs-dev/gojs/modules"
	"github.com/gojs-dev/gojs/modules/assert"
	"github.com/gojs-dev/gojs/modules/asynchooks"
	"github.com/gojs-dev/gojs/modules/buffer"
	"github.com/gojs-dev/gojs/modules/childprocess"
	"github.com/gojs-dev/gojs/modules/cluster"
	"github.com/gojs-dev/gojs/modules/console"
	"github.com/gojs-dev/gojs/modules/crypto"
	"github.com/gojs-dev/gojs/modules/dgram"
	"github.com/gojs-dev/gojs/modules/diagchannel"
	"github.com/gojs-dev/gojs/modules/dns"
	"github.com/gojs-dev/gojs/modules/domain"
	"github.com/gojs-dev/gojs/modules/events"
	"github.com/gojs-dev/gojs/modules/fs"
	"github.com/gojs-dev/gojs/modules/http"
	"github.com/gojs-dev/gojs/modules/legacy"
	netmod "github.com/gojs-dev/gojs/modules/net"
	"github.com/gojs-dev/gojs/modules/nodeerr"
	"github.com/gojs-dev/gojs/modules/os"
	"github.com/gojs-dev/gojs/modules/path"
	"github.com/gojs-dev/gojs/modules/perfhooks"
	"github.com/gojs-dev/gojs/modules/punycode"
	"github.com/gojs-dev/gojs/modules/querystring"
	"github.com/gojs-dev/gojs/modules/readline"
	"github.com/gojs-dev/gojs/modules/repl"
	"github.com/gojs-dev/gojs/modules/stream"
	"github.com/gojs-dev/gojs/modules/string_decoder"
	"github.com/gojs-dev/gojs/modules/structuredclone"
	"github.com/gojs-dev/gojs/modules/testrunner"
	"github.com/gojs-dev/gojs/modules/timers"
	"github.com/gojs-dev/gojs/modules/tty"
	"github.com/gojs-dev/gojs/modules/url"
	"github.com/gojs-dev/gojs/modules/util"
	"github.com/gojs-dev/gojs/modules/v8"
	"github.com/gojs-dev/gojs/modules/wasm"
	"github.com/gojs-dev/gojs/modules/vm"
	"github.com/gojs-dev/gojs/modules/webevents"
	"github.com/gojs-dev/gojs/modules/workerthreads"
	"github.com/gojs-dev/gojs/modules/zlib"
)

// builtinModules is the ordered list of built-in modules a runtime offers by default. Each entry is
// bound lazily, on first require. Keep it sorted by module name.
var builtinModules = []*modules.Module{
	&readline.Module,
	&readline.Promises,
	&repl.Module,
	&childprocess.Module,
	&asynchooks.Module,
	&diagchannel.Module,
	&assert.Module,
	&assert.Strict,
	&assert.AssertionError,
	&assert.Comparisons,
	&buffer.EncodingModule,
	&buffer.Module,
	&cluster.Module,
	&console.Module,
	&crypto.Module,
	&crypto.WebCrypto,
	&dgram.Module,
	&dns.Module,
	&dns.PromisesModule,
	&domain.Module,
	&events.Module,
	&fs.Module,
	&fs.PromisesModule,
	&http.Module,
	&http.HTTP2,
	&http.HTTPS,
	&nodeerr.Errors,
	&util.MIME,
	&http.Fetch,
	&util.Inspect,
	&util.ParseArgs,
	&nodeerr.Validators,
	&netmod.Module,
	&os.Module,
	&path.Module,
	&path.PosixModule,
	&path.Win32Module,
	&perfhooks.Module,
	&punycode.Module,
	&querystring.Module,
	&structuredclone.Module,
	&stream.Consumers,
	&stream.Errors,
	&stream.Internal,
	&stream.Module,
	&stream.Promises,
	&stream.Web,
	&stream.WebInternal,
	&string_decoder.Module,
	&testrunner.Module,
	&timers.Module,
	&timers.Promises,
	&http.TLS,
	&tty.Module,
	&url.LegacyModule,
	&url.Module,
	&util.Module,
	&util.Types,
	&v8.Module,
	&vm.Module,
	&wasm.Module,
	&webevents.Module,
	&workerthreads.Module,
	&zlib.Module,
}

func init() {
	builtinModules = append(builtinModules, legacy.Modules...)
}

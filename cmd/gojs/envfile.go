package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// loadEnvFiles reads --env-file files (Node 20.6 syntax: KEY=value lines, # comments, optional
// `export `, single, double or backtick quotes, double-quoted values expanding \n, values spanning
// lines inside quotes) into env. Variables already set in the environment win, as in Node.
// A missing --env-file-if-exists file is reported on stderr and skipped, as node does.
func loadEnvFiles(files []envFile, env map[string]string, stderr io.Writer) error {
	fromFiles := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			if f.optional {
				fmt.Fprintf(stderr, "%s not found. Continuing without it.\n", f.path)
				continue
			}
			return fmt.Errorf("gojs: %s: not found", f.path)
		}
		for k, v := range parseEnv(string(data)) {
			fromFiles[k] = v
		}
	}
	for k, v := range fromFiles {
		if _, ok := env[k]; !ok {
			env[k] = v
		}
	}
	return nil
}

// parseEnv parses the contents of a .env file.
func parseEnv(s string) map[string]string {
	out := map[string]string{}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for len(s) > 0 {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		t := strings.TrimSpace(line)
		if t == "" || t[0] == '#' {
			continue
		}
		t = strings.TrimPrefix(t, "export ")
		key, val, ok := strings.Cut(t, "=")
		if !ok {
			continue
		}
		key = strings.TrimSpace(key)
		if key == "" {
			continue
		}
		val = strings.TrimSpace(val)
		if val != "" && (val[0] == '"' || val[0] == '\'' || val[0] == '`') {
			q := val[0]
			rest := val[1:]
			if end := strings.IndexByte(rest, q); end >= 0 {
				val = rest[:end]
			} else if end := strings.IndexByte(s, q); end >= 0 {
				// a quoted value spanning lines
				val = rest + "\n" + s[:end]
				s = s[end+1:]
				if nl := strings.IndexByte(s, '\n'); nl >= 0 {
					s = s[nl+1:]
				} else {
					s = ""
				}
			}
			if q == '"' {
				val = strings.ReplaceAll(val, `\n`, "\n")
			}
		} else if i := strings.Index(val, " #"); i >= 0 {
			val = strings.TrimSpace(val[:i])
		} else if strings.HasPrefix(val, "#") {
			val = ""
		}
		out[key] = val
	}
	return out
}

// splitOptions splits GOJS_OPTIONS as NODE_OPTIONS is split: on spaces, with double quotes
// grouping and backslash escaping inside them.
func splitOptions(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, have := false, false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case inQuote && ch == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case ch == '"':
			inQuote = !inQuote
			have = true
		case ch == ' ' && !inQuote:
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(ch)
			have = true
		}
	}
	if have {
		out = append(out, cur.String())
	}
	return out
}

// nodeEnvOptions reads NODE_OPTIONS as node does: its options apply before the command line's
// (and GOJS_OPTIONS's), up to the first word that is not an option; the options node refuses there
// (-e, -p, -i, -c, --test, -v, -h, --env-file, --watch...) end the program with node's message, as
// does any option node does not take there (--bogus-flag, -Z...). An option node takes there
// but gojs does not know is left out rather than refused, so that a NODE_OPTIONS set for node
// (--inspect, --max-old-space-size...) does not stop gojs; a bad or missing value of an option
// gojs knows (--dns-result-order=x, --unhandled-rejections=x, a last --require) ends the program
// as on the command line, with its exit code.
func nodeEnvOptions(s string) ([]string, int, string) {
	toks := splitOptions(s)
	var keep []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !strings.HasPrefix(t, "-") || t == "-" || t == "--" {
			break // as on a command line, the first word that is not an option ends them
		}
		name, _, hasVal := strings.Cut(t, "=")
		switch name {
		case "-e", "--eval", "-p", "--print", "-pe", "-i", "--interactive", "-c", "--check", "--test",
			"-v", "--version", "-h", "--help", "--env-file", "--stack-size", "--prof", "--prof-process",
			"--cpu-prof", "--cpu-prof-dir", "--cpu-prof-name", "--cpu-prof-interval", "--env-file-if-exists",
			"--experimental-network-inspection", "--experimental-test-coverage", "--experimental-test-module-mocks":
			return nil, 9, notInNodeOptions(name, hasVal)
		case "--watch", "--watch-path":
			// node takes them there but then finds no file to watch
			return nil, 9, "gojs: --watch requires specifying a file\n"
		}
		// V8's options but the few node lets through
		canon := "--" + strings.ReplaceAll(strings.TrimPrefix(name, "--"), "_", "-")
		if _, v8 := v8Option(canon); v8 && !v8InNodeOptions[canon] && !v8InNodeOptions["--"+strings.TrimPrefix(canon, "--no-")] {
			return nil, 9, notInNodeOptions(name, hasVal)
		}
		c, code, msg := parseArgs([]string{t})
		if c != nil && msg == "" && len(c.execArgv) == 1 {
			keep = append(keep, t)
			continue
		}
		if i+1 < len(toks) && strings.HasSuffix(msg, " requires an argument\n") {
			if c, code, msg = parseArgs(toks[i : i+2]); c != nil && msg == "" && len(c.execArgv) == 2 {
				keep = append(keep, t, toks[i+1])
				i++
				continue
			}
		}
		if msg != "" && !strings.HasPrefix(msg, "gojs: bad option: ") {
			return nil, code, msg
		}
		// an option gojs does not know: left out when node takes it there, refused as node
		// refuses any other (a V8 option got here only when node lets it through)
		if _, v8 := v8Option(canon); !v8 && !strings.Contains(nodeEnvFlags, " "+envFlagName(name)+" ") {
			return nil, 9, notInNodeOptions(name, hasVal)
		}
	}
	return keep, 0, ""
}

// envFlagName is an option's name as node looks it up: "--foo_bar" is "--foo-bar" (a single-dash
// one stays as it is).
func envFlagName(name string) string {
	if base, ok := strings.CutPrefix(name, "--"); ok {
		return "--" + strings.ReplaceAll(base, "_", "-")
	}
	return name
}

// v8InNodeOptions are the V8 options node takes in NODE_OPTIONS (of its
// process.allowedNodeEnvironmentFlags).
var v8InNodeOptions = map[string]bool{
	"--abort-on-uncaught-exception": true, "--disallow-code-generation-from-strings": true,
	"--enable-etw-stack-walking": true, "--expose-gc": true, "--huge-max-old-generation-size": true,
	"--interpreted-frames-native-stack": true, "--jitless": true, "--max-old-space-size": true,
	"--max-semi-space-size": true, "--perf-basic-prof": true, "--perf-basic-prof-only-functions": true,
	"--perf-prof": true, "--perf-prof-unwinding-info": true, "--stack-trace-limit": true,
}

// notInNodeOptions is node's refusal of an option in NODE_OPTIONS (named with its "=" when it had
// a value).
func notInNodeOptions(name string, hasVal bool) string {
	if hasVal {
		name += "="
	}
	return fmt.Sprintf("gojs: %s is not allowed in NODE_OPTIONS\n", name)
}

// ---- node's places of errors --------------------------------------------------------------
// A part of fs's glue (parts.go), made by fs.js's sites() at the first system error of a sync
// call or the first bad argument whose stack takes node's places.
(function makeSites({}) {
  // A sync call's system error: node's binding call in node's fs.js (node 20.20's lines). Each
  // entry: the excerpt's line, its caret column and its source line (null: the inner call's
  // excerpt stands), then the frames [name, line, column] that stand for the function's own.
  const nodeSyncSites = {
    accessSync: [244, 11, '  binding.access(pathModule.toNamespacedPath(path), mode);', ['Object.accessSync', 244, 11]],
    chmodSync: [1999, 11, '  binding.chmod(', ['Object.chmodSync', 1999, 11]],
    copyFileSync: [3047, 11, '  binding.copyFile(', ['Object.copyFileSync', 3047, 11]],
    lstatSync: [1656, 25, '  const stats = binding.lstat(', ['Object.lstatSync', 1656, 25]],
    mkdirSync: [1386, 26, '  const result = binding.mkdir(', ['Object.mkdirSync', 1386, 26]],
    openSync: [573, 18, '  return binding.open(', ['Object.openSync', 573, 18]],
    readdirSync: [1521, 26, '  const result = binding.readdir(', ['Object.readdirSync', 1521, 26]],
    'readdirSync:recursive': [1413, 35, '    const readdirResult = binding.readdir(', ['read', 1413, 35],
      ['readdirSyncRecursive', 1451, 5], ['Object.readdirSync', 1518, 12]],
    // (node 20's callback form of a recursive readdir is readdirSyncRecursive, called in place)
    'readdir:recursive': [1413, 35, '    const readdirResult = binding.readdir(', ['read', 1413, 35],
      ['readdirSyncRecursive', 1451, 5], ['Object.readdir', 1480, 20]],
    readlinkSync: [1729, 18, '  return binding.readlink(', ['Object.readlinkSync', 1729, 18]],
    renameSync: [1032, 11, '  binding.rename(', ['Object.renameSync', 1032, 11]],
    rmdirSync: [1214, 11, '  binding.rmdir(pathModule.toNamespacedPath(path));', ['Object.rmdirSync', 1214, 11]],
    statSync: [1681, 25, '  const stats = binding.stat(', ['Object.statSync', 1681, 25]],
    symlinkSync: [1822, 11, '  binding.symlink(', ['Object.symlinkSync', 1822, 11]],
    unlinkSync: [1889, 11, '  binding.unlink(path);', ['Object.unlinkSync', 1889, 11]],
    'readFileSync:utf8': [448, 20, '    return binding.readFileUtf8(path, stringToFlags(options.flag));', ['Object.readFileSync', 448, 20]],
    'readFileSync:open': [573, 18, '  return binding.open(', ['Object.openSync', 573, 18], ['Object.readFileSync', 452, 35]],
    'readFileSync:read': [750, 18, '  return binding.read(fd, buffer, offset, length, position);', ['Object.readSync', 750, 18],
      ['tryReadSync', 424, 20], ['Object.readFileSync', 478, 19]],
    'readFileSync:read:sized': [750, 18, '  return binding.read(fd, buffer, offset, length, position);', ['Object.readSync', 750, 18],
      ['tryReadSync', 424, 20], ['Object.readFileSync', 470, 19]],
    'readFileSync:fstat': [397, 25, '  const stats = binding.fstat(fd, false, undefined, true /* shouldNotThrow */);',
      ['tryStatSync', 397, 25], ['Object.readFileSync', 454, 17]],
    'writeFileSync:utf8': [2380, 20, '    return binding.writeFileUtf8(', ['Object.writeFileSync', 2380, 20]],
    // a descriptor's: node 20 writes a string through writeFileUtf8 and anything else with writeSync
    'writeFileSync:fd': ['internal/fs/utils:351', 5, '    throw err;', ['Object.writeSync', 933, 3], ['Object.writeFileSync', 2399, 26]],
    'truncateSync:fd': [1126, 11, '  binding.ftruncate(fd, len);', ['Object.ftruncateSync', 1126, 11], ['Object.truncateSync', 1082, 15]],
    'writeFileSync:open': [573, 18, '  return binding.open(', ['Object.openSync', 573, 18], ['Object.writeFileSync', 2393, 35]],
    appendFileSync: [0, 0, null, ['Object.appendFileSync', 2461, 6]],
    utimesSync: [2150, 11, '  binding.utimes(', ['Object.utimesSync', 2150, 11]],
    lutimesSync: [2233, 11, '  binding.lutimes(', ['Object.lutimesSync', 2233, 11]],
    futimesSync: [2195, 11, '  binding.futimes(', ['Object.futimesSync', 2195, 11]],
    chownSync: [2112, 11, '  binding.chown(', ['Object.chownSync', 2112, 11]],
    lchownSync: [2034, 11, '  binding.lchown(', ['Object.lchownSync', 2034, 11]],
    linkSync: [1862, 11, '  binding.link(', ['Object.linkSync', 1862, 11]],
    mkdtempSync: [3005, 18, '  return binding.mkdtemp(prefix, options.encoding);', ['Object.mkdtempSync', 3005, 18]],
    fstatSync: [1633, 25, '  const stats = binding.fstat(fd, options.bigint, undefined, false);', ['Object.fstatSync', 1633, 25]],
    closeSync: [525, 11, '  binding.close(fd);', ['Object.closeSync', 525, 11]],
    fsyncSync: [1326, 11, '  binding.fsync(fd);', ['Object.fsyncSync', 1326, 11]],
    fdatasyncSync: [1296, 11, '  binding.fdatasync(fd);', ['Object.fdatasyncSync', 1296, 11]],
    fchownSync: [2077, 11, '  binding.fchown(fd, uid, gid);', ['Object.fchownSync', 2077, 11]],
    ftruncateSync: [1126, 11, '  binding.ftruncate(fd, len);', ['Object.ftruncateSync', 1126, 11]],
    fchmodSync: [1923, 11, '  binding.fchmod(', ['Object.fchmodSync', 1923, 11]],
    readvSync: [804, 18, '  return binding.readBuffers(fd, buffers, position);', ['Object.readvSync', 804, 18]],
    writevSync: [999, 18, '  return binding.writeBuffers(fd, buffers, position);', ['Object.writevSync', 999, 18]],
    readSync: [750, 18, '  return binding.read(fd, buffer, offset, length, position);', ['Object.readSync', 750, 18]],
    statfsSync: [1695, 25, '  const stats = binding.statfs(pathModule.toNamespacedPath(path), options.bigint);', ['Object.statfsSync', 1695, 25]],
    truncateSync: [573, 18, '  return binding.open(', ['Object.openSync', 573, 18], ['Object.truncateSync', 1088, 17]],
    'realpathSync.native': [2804, 18, '  return binding.realpath(', ['realpathSync.native', 2804, 18]],
    'rmdirSync:recursive': ['internal/errors:541', 7, '      throw error;', ['Object.rmdirSync', 1205, 15]],
    'realpathSync:lstat': [2741, 29, '      const stats = binding.lstat(baseLong, true, undefined, true /* throwIfNoEntry */);',
      ['Object.realpathSync', 2741, 29]],
    rmSync: ['internal/errors:541', 7, '      throw error;', ['Object.rmSync', 1260, 13]],
    opendirSync: ['internal/fs/dir:327', 29, '  const handle = dirBinding.opendirSync(', ['Object.opendirSync', 'internal/fs/dir:327:29']],
    // node 20's writeSync builds its error from the binding's context and throws it in
    // internal/fs/utils (handleErrorFromBinding)
    writeSync: ['internal/fs/utils:351', 5, '    throw err;', ['Object.writeSync', 933, 3]],
    // node's FSWatcher start makes the error (a UVException) and throws it
    watch: ['internal/fs/watchers:255', 5, '    throw error;', ['FSWatcher.<computed>', 'internal/fs/watchers:247:19'],
      ['Object.watch', 2503, 36]],
  };

  // A bad path (not a string, Buffer or URL; a null byte) throws from node's check in the fs
  // function the program called: the stack begins there, at node 20.20's line, not at the glue's.
  // Key: the called function's name and the argument's; value: node's frames for the glue's at the
  // top of the stack, innermost first, 'name @file:line:col' for a frame of node's inner calls and
  // 'file:line:col' for the called function's own (its name as the program called it).
  const nodePathSites = {
    'accessSync|path': ['fs:243:10'],
    'access|path': ['fs:227:10'],
    'statSync|path': ['fs:1680:10'],
    'stat|path': ['fs:1598:10'],
    'lstatSync|path': ['fs:1651:10'],
    'lstat|path': ['fs:1570:10'],
    'statfsSync|path': ['fs:1694:10'],
    'statfs|path': ['fs:1611:10'],
    'openSync|path': ['fs:571:10'],
    'open|path': ['fs:540:10'],
    'readdirSync|path': ['fs:1512:10'],
    'readdir|path': ['fs:1474:10'],
    'mkdirSync|path': ['fs:1383:10'],
    'mkdir|path': ['fs:1353:10'],
    'rmdirSync|path': ['fs:1201:10'],
    'rmdir|path': ['fs:1160:38'],
    'rmSync|path': ['fs:1259:10'],
    'rm|path': ['fs:1235:10'],
    'unlinkSync|path': ['fs:1888:38'],
    'unlink|path': ['fs:1876:10'],
    'renameSync|oldPath': ['fs:1030:13'],
    'rename|oldPath': ['fs:1012:13'],
    'renameSync|newPath': ['fs:1031:13'],
    'rename|newPath': ['fs:1013:13'],
    'copyFileSync|src': ['fs:3044:9'],
    'copyFile|src': ['fs:3023:9'],
    'copyFileSync|dest': ['fs:3045:10'],
    'copyFile|dest': ['fs:3024:10'],
    'linkSync|existingPath': ['fs:1859:18'],
    'link|existingPath': ['fs:1840:18'],
    'linkSync|newPath': ['fs:1860:13'],
    'link|newPath': ['fs:1841:13'],
    'symlinkSync|target': ['fs:1819:12'],
    'symlink|target': ['fs:1755:12'],
    'symlinkSync|path': ['fs:1820:10'],
    'symlink|path': ['fs:1756:10'],
    'readlinkSync|oldPath': ['fs:1728:10'],
    'readlink|oldPath': ['fs:1713:10'],
    'realpathSync.native|path': ['fs:2803:10'],
    'realpath.native|path': ['fs:2966:10'],
    'chmodSync|path': ['fs:1996:10'],
    'chmod|path': ['fs:1980:10'],
    'chownSync|path': ['fs:2109:10'],
    'chown|path': ['fs:2091:10'],
    'lchownSync|path': ['fs:2031:10'],
    'lchown|path': ['fs:2015:10'],
    'utimesSync|path': ['fs:2149:10'],
    'utimes|path': ['fs:2130:10'],
    'lutimesSync|path': ['fs:2232:10'],
    'lutimes|path': ['fs:2213:10'],
    'mkdtempSync|prefix': ['fs:3003:12'],
    'mkdtemp|prefix': ['fs:2986:12'],
    'opendirSync|path': ['internal/fs/dir:324:10'],
    'opendir|path': ['internal/fs/dir:300:10'],
    'createReadStream|path': ['new ReadStream @internal/fs/streams:185:5', 'fs:3121:10'],
    'createWriteStream|path': ['new WriteStream @internal/fs/streams:340:5', 'fs:3144:10'],
    'cpSync|src': ['fs:3086:37'],
    'cp|src': ['fs:3070:37'],
    'cpSync|dest': ['fs:3087:38'],
    'cp|dest': ['fs:3071:38'],
    'watch|path': ['fs:2493:16'],
    'watchFile|path': ['fs:2546:14'],
    'unwatchFile|path': ['fs:2588:14'],
    'readFileSync|path': ['Object.openSync @fs:571:10', 'fs:452:35'],
    'readFile|path': ['fs:385:10'],
    'writeFileSync|path': ['fs:2377:42'],
    'writeFile|path': ['Object.open @fs:540:10', 'fs:2337:6'],
    'appendFileSync|path': ['Object.writeFileSync @fs:2377:42', 'fs:2461:6'],
    'appendFile|path': ['Object.open @fs:540:10', 'Object.writeFile @fs:2337:6', 'fs:2437:6'],
    'realpathSync|path': ['fs:2670:3'],
    'realpath|path': ['fs:2833:3'],
    'truncateSync|path': ['Object.openSync @fs:571:10', 'fs:1088:17'],
    'truncate|path': ['Object.open @fs:540:10', 'fs:1060:6'],
    'readFileSync|path|utf8': ['fs:446:42'],
  };
  // A callback API called without a function: node's frames of its check (makeCallback's, or the
  // function's own validateFunction), keyed by the function's name.
  const nodeCallbackSites = {
    // (write's own check: bytes or a string)
    'write|buffer': ['fs:832:5'],
    'write|string': ['fs:874:3'],
    opendir: ['internal/fs/dir:298:3'],
    'access': ['makeCallback @fs:185:3', 'fs:228:14'],
    'stat': ['makeStatsCallback @fs:194:3', 'fs:1597:14'],
    'lstat': ['makeStatsCallback @fs:194:3', 'fs:1569:14'],
    'statfs': ['fs:1610:3'],
    'fstat': ['makeStatsCallback @fs:194:3', 'fs:1546:14'],
    'open': ['makeCallback @fs:185:3', 'fs:552:14'],
    'readFile': ['fs:365:3'],
    'writeFile': ['fs:2310:3'],
    'appendFile': ['fs:2427:3'],
    'readdir': ['makeCallback @fs:185:3', 'fs:1472:14'],
    'mkdir': ['makeCallback @fs:185:3', 'fs:1352:14'],
    'rmdir': ['makeCallback @fs:185:3', 'fs:1159:14'],
    'unlink': ['makeCallback @fs:185:3', 'fs:1875:14'],
    'rename': ['makeCallback @fs:185:3', 'fs:1011:14'],
    'copyFile': ['makeCallback @fs:185:3', 'fs:3028:14'],
    'link': ['makeCallback @fs:185:3', 'fs:1838:14'],
    'symlink': ['makeCallback @fs:185:3', 'fs:1745:20'],
    'readlink': ['makeCallback @fs:185:3', 'fs:1711:14'],
    'realpath': ['fs:2825:5'],
    'realpath.native': ['makeCallback @fs:185:3', 'fs:2964:14'],
    'chmod': ['makeCallback @fs:185:3', 'fs:1982:14'],
    'chown': ['makeCallback @fs:185:3', 'fs:2090:14'],
    'lchown': ['makeCallback @fs:185:3', 'fs:2014:14'],
    'utimes': ['makeCallback @fs:185:3', 'fs:2129:14'],
    'lutimes': ['makeCallback @fs:185:3', 'fs:2212:14'],
    'futimes': ['makeCallback @fs:185:3', 'fs:2169:14'],
    'truncate': ['fs:1059:3'],
    'ftruncate': ['makeCallback @fs:185:3', 'fs:1110:14'],
    'fsync': ['makeCallback @fs:185:3', 'fs:1308:20'],
    'fdatasync': ['makeCallback @fs:185:3', 'fs:1276:20'],
    'fchmod': ['makeCallback @fs:185:3', 'fs:1901:14'],
    'fchown': ['makeCallback @fs:185:3', 'fs:2052:14'],
    'mkdtemp': ['makeCallback @fs:185:3', 'fs:2983:14'],
    'read': ['fs:652:3'],
    'readv': ['fs:774:3'],
    'writev': ['fs:958:3'],
    'cp': ['makeCallback @fs:185:3', 'fs:3068:14'],
    'exists': ['fs:254:3'],
    'close': ['makeCallback @fs:185:3', 'fs:512:16'],
  };
  // Bad open flags: node's stringToFlags in internal/fs/utils throws, under the function called.
  const kFlagsFrame = 'stringToFlags @internal/fs/utils:597:9';
  const nodeFlagsSites = {
    openSync: [kFlagsFrame, 'fs:575:5'],
    open: [kFlagsFrame, 'fs:551:23'],
    readFileSync: [kFlagsFrame, 'Object.openSync @fs:575:5', 'fs:452:35'],
    'readFileSync|utf8': [kFlagsFrame, 'fs:448:39'],
    readFile: [kFlagsFrame, 'fs:384:23'],
    writeFileSync: [kFlagsFrame, 'Object.openSync @fs:575:5', 'fs:2393:35'],
    writeFile: [kFlagsFrame, 'Object.open @fs:551:23', 'fs:2337:6'],
    appendFileSync: [kFlagsFrame, 'Object.openSync @fs:575:5', 'Object.writeFileSync @fs:2393:35', 'fs:2461:6'],
    appendFile: [kFlagsFrame, 'Object.open @fs:551:23', 'Object.writeFile @fs:2337:6', 'fs:2437:6'],
    // a stream's open, in its _construct
    _construct: [kFlagsFrame, 'Object.open @fs:551:23', 'internal/fs/streams:72:17'],
  };

  // A bad fd (not an int32 of 0 or more): node's check in the function called, in JS or in its
  // binding (its own frame alone: the validators' are hidden), keyed by the function's name.
  const nodeFdSites = {
    readSync: ['fs:709:8'], writeSync: ['fs:899:8'], read: ['fs:617:8'], write: ['fs:827:8'],
    readvSync: ['fs:798:8'], writevSync: ['fs:989:8'], readv: ['fs:771:8'], writev: ['fs:955:8'],
    closeSync: ['fs:525:11'], close: ['fs:516:11'], fstatSync: ['fs:1633:25'], fstat: ['fs:1550:11'],
    fsyncSync: ['fs:1326:11'], fsync: ['fs:1313:11'], fdatasyncSync: ['fs:1296:11'], fdatasync: ['fs:1282:11'],
    ftruncateSync: ['fs:1126:11'], ftruncate: ['fs:1114:11'], fchmodSync: ['fs:1923:11'], fchmod: ['fs:1910:11'],
    fchownSync: ['fs:2077:11'], fchown: ['fs:2060:11'], futimesSync: ['fs:2195:11'], futimes: ['fs:2178:11'],
    // (readFileSync of an fd, but for utf8: its fstat in tryStatSync)
    readFileSync: ['tryStatSync @fs:397:25', 'fs:454:17'],
    // (readFile of a negative fd: its fstat in the next tick)
    readFileAfterOpen: ['Object.readFileAfterOpen @fs:308:11', 'tick @fs:376:7'],
    // (writeFile to an fd: fs.write's check, in its writeAll)
    writeFile: ['Object.write @fs:827:8', 'writeAll @fs:2253:6', 'fs:2330:5'],
    appendFile: ['Object.write @fs:827:8', 'writeAll @fs:2253:6', 'Object.writeFile @fs:2330:5', 'fs:2437:6'],
    // (truncateSync of a number: fs.ftruncateSync's binding call)
    truncateSync: ['Object.ftruncateSync @fs:1126:11', 'fs:1082:15'],
    truncate: ['Object.ftruncate @fs:1114:11', 'fs:1048:15'],
  };

  // the excerpts of the binding calls whose fd check is in C++, by their place
  const nodeFdExcerpts = {
    'fs:525': '  binding.close(fd);', 'fs:516': '  binding.close(fd, req);',
    'fs:1633': '  const stats = binding.fstat(fd, options.bigint, undefined, false);',
    'fs:1550': '  binding.fstat(fd, options.bigint, req);',
    'fs:1326': '  binding.fsync(fd);', 'fs:1313': '  binding.fsync(fd, req);',
    'fs:1296': '  binding.fdatasync(fd);', 'fs:1282': '  binding.fdatasync(fd, req);',
    'fs:1126': '  binding.ftruncate(fd, len);', 'fs:1114': '  binding.ftruncate(fd, len, req);',
    'fs:1923': '  binding.fchmod(', 'fs:1910': '  binding.fchmod(fd, mode, req);',
    'fs:2077': '  binding.fchown(fd, uid, gid);', 'fs:2060': '  binding.fchown(fd, uid, gid, req);',
    'fs:2195': '  binding.futimes(', 'fs:2178': '  binding.futimes(fd, atime, mtime, req);',
    'fs:308': '  binding.fstat(fd, false, req);',
    'fs:397': '  const stats = binding.fstat(fd, false, undefined, true /* shouldNotThrow */);',
  };

  // A bad mode: node's parseFileMode in internal/validators (its type and range checks: an octal
  // string's error has no frames at all), under the function that called it; an access or
  // copyFile mode is checked in node's binding (the binding call's place and excerpt). Keyed by
  // the function called ('|promises': fs.promises').
  const kModeFrame = 'parseFileMode @internal/validators:79:3';
  const nodeModeSites = {
    chmodSync: [kModeFrame, 'fs:1997:10'], chmod: [kModeFrame, 'fs:1981:10'],
    fchmodSync: [kModeFrame, 'fs:1925:5'], fchmod: [kModeFrame, 'fs:1900:10'],
    mkdirSync: [kModeFrame, 'fs:1388:5'], mkdir: [kModeFrame, 'fs:1360:17'],
    openSync: [kModeFrame, 'fs:576:5'], open: [kModeFrame, 'fs:549:12'],
    writeFileSync: [kModeFrame, 'Object.openSync @fs:576:5', 'fs:2393:35'],
    writeFile: [kModeFrame, 'Object.open @fs:549:12', 'fs:2337:6'],
    appendFileSync: [kModeFrame, 'Object.openSync @fs:576:5', 'Object.writeFileSync @fs:2393:35', 'fs:2461:6'],
    appendFile: [kModeFrame, 'Object.open @fs:549:12', 'Object.writeFile @fs:2337:6', 'fs:2437:6'],
    accessSync: ['fs:244:11'], access: ['fs:232:11'], copyFileSync: ['fs:3047:11'], copyFile: ['fs:3032:11'],
  };
  const nodeModeExcerpts = {
    'fs:244': '  binding.access(pathModule.toNamespacedPath(path), mode);',
    'fs:232': '  binding.access(pathModule.toNamespacedPath(path), mode, req);',
    'fs:3047': '  binding.copyFile(', 'fs:3032': '  binding.copyFile(src, dest, mode, req);',
  };

  // Bad options (not a string or an object) or an unknown encoding: node's getOptions in
  // internal/fs/utils (and its assertEncoding), under the function called.
  const nodeOptionsSites = {};
  for (const [fn, at] of [
    ['readFileSync', 'fs:442:13'], ['readFile', 'fs:366:13'], ['readdirSync', 'fs:1511:13'], ['readdir', 'fs:1473:13'],
    ['writeFileSync', 'fs:2361:13'], ['writeFile', 'fs:2311:13'], ['mkdtempSync', 'fs:3001:13'], ['mkdtemp', 'fs:2984:13'],
    ['appendFileSync', 'fs:2452:13'], ['appendFile', 'fs:2428:13'],
    ['realpathSync', 'fs:2665:13'], ['readlinkSync', 'fs:1727:13'], ['watch', 'fs:2483:13'],
    ['opendirSync', 'internal/fs/dir:325:13'], ['opendir', 'internal/fs/dir:301:13'], ['readlink', 'fs:1712:13'],
    ['realpath', 'fs:2827:13'], ['realpath.native', 'fs:2965:13'], ['realpathSync.native', 'fs:2802:13'],
  ]) {
    nodeOptionsSites[fn] = ['getOptions @internal/fs/utils:331:11', at];
    nodeOptionsSites[`${fn}|encoding`] = ['assertEncoding @internal/fs/utils:158:11', 'getOptions @internal/fs/utils:335:5', at];
    nodeOptionsSites[`${fn}|signal`] = ['getOptions @internal/fs/utils:338:5', at];
  }
  // Data to write that is no string or buffer: node's check in writeFile and writeFileSync.
  const nodeDataSites = {
    writeFileSync: ['fs:2388:5'], writeFile: ['fs:2323:5'],
    appendFileSync: ['Object.writeFileSync @fs:2388:5', 'fs:2461:6'], appendFile: ['Object.writeFile @fs:2323:5', 'fs:2437:6'],
  };

  // Other argument checks: node's frames of the check (the validators' own are hidden), keyed by
  // the function called and the check's name (fs.js's atArgSite and argAt).
  const kTimeFrame = 'toUnixTimestamp @internal/fs/utils:635:9';
  const nodeArgSites = {
    'readSync|buffer': ['fs:711:3'], 'readSync|options': ['fs:716:7'], 'readSync|offset': ['fs:729:5'],
    'readSync|empty': ['fs:739:11'], 'readSync|range': ['fs:743:3'], 'readSync|position': ['fs:748:3'],
    'read|buffer': ['fs:651:3'], 'read|offset': ['fs:657:5'], 'read|range': ['fs:673:3'], 'read|position': ['fs:678:3'],
    'writeSync|buffer': ['fs:925:5'], 'writeSync|offset': ['fs:917:7'], 'writeSync|range': ['fs:921:5'],
    'write|buffer': ['fs:859:3'], 'write|offset': ['fs:845:7'], 'write|range': ['fs:851:5'],
    'ftruncateSync|len': ['fs:1124:3'], 'truncateSync|len': ['Object.ftruncateSync @fs:1124:3', 'fs:1090:8'],
    'truncateSync|lenFd': ['Object.ftruncateSync @fs:1124:3', 'fs:1082:15'],
    'truncate|lenFd': ['Object.ftruncate @fs:1108:3', 'fs:1048:15'],
    'rmdirSync|rmdirOptions': ['fs:1211:5'], 'rmdir|rmdirOptions': ['fs:1183:5'],
    'ftruncate|len': ['fs:1108:3'], 'truncate|len': ['fs:1057:3'],
    'chownSync|uid': ['fs:2110:3'], 'chownSync|gid': ['fs:2111:3'], 'chown|uid': ['fs:2092:3'], 'chown|gid': ['fs:2093:3'],
    'lchownSync|uid': ['fs:2032:3'], 'lchownSync|gid': ['fs:2033:3'], 'lchown|uid': ['fs:2016:3'], 'lchown|gid': ['fs:2017:3'],
    'fchownSync|uid': ['fs:2071:3'], 'fchownSync|gid': ['fs:2072:3'], 'fchown|uid': ['fs:2050:3'], 'fchown|gid': ['fs:2051:3'],
    'readvSync|buffers': ['fs:799:3'], 'readv|buffers': ['fs:772:3'],
    'writevSync|buffers': ['fs:990:3'], 'writev|buffers': ['fs:956:3'],
    'rmSync|options': ['fs:1260:13'], 'rm|options': ['fs:1237:3'],
    'rmdirSync|options': ['fs:1205:15'], 'rmdir|options': ['fs:1164:5'],
    'readdirSync|recursive': ['fs:1514:5'], 'readdir|recursive': ['fs:1476:5'],
    'mkdirSync|recursive': ['fs:1384:3'], 'mkdir|recursive': ['fs:1355:3'],
    'cpSync|options': ['fs:3085:13'], 'cp|options': ['fs:3069:13'],
    'watchFile|listener': ['fs:2564:3'],
    'watchFile|interval': ['StatWatcher.<computed> @internal/fs/watchers:119:3', 'fs:2570:39'],
    'watch|recursive': ['new FSWatcher @internal/fs/recursive_watch:57:7', 'fs:2499:15'],
    'utimesSync|atime': [kTimeFrame, 'fs:2152:5'], 'utimesSync|mtime': [kTimeFrame, 'fs:2153:5'],
    'lutimesSync|atime': [kTimeFrame, 'fs:2235:5'], 'lutimesSync|mtime': [kTimeFrame, 'fs:2236:5'],
    'futimesSync|atime': [kTimeFrame, 'fs:2197:5'], 'futimesSync|mtime': [kTimeFrame, 'fs:2198:5'],
    'utimes|atime': [kTimeFrame, 'fs:2135:18'], 'utimes|mtime': [kTimeFrame, 'fs:2136:18'],
    'lutimes|atime': [kTimeFrame, 'fs:2218:19'], 'lutimes|mtime': [kTimeFrame, 'fs:2219:19'],
    'futimes|atime': [kTimeFrame, 'fs:2167:11'], 'futimes|mtime': [kTimeFrame, 'fs:2168:11'],
    'opendirSync|bufferSize': ['new Dir @internal/fs/dir:66:5', 'internal/fs/dir:331:10'],
    // (fs.opendir's: Dir is made in the request's callback)
    'oncomplete|bufferSize': ['new Dir @internal/fs/dir:66:5',
      'FSReqCallback.opendirCallback [as oncomplete] @internal/fs/dir:309:22'],
  };
  // the streams' checks, in node's constructors (internal/fs/streams): called as
  // fs.createReadStream, new fs.ReadStream or fs.ReadStream
  // (each check: its line and column in the constructor, and the frames above it)
  const kOptionsFrame = ['getOptions @internal/fs/utils:331:11'];
  const kEncodingFrames = ['assertEncoding @internal/fs/utils:158:11', 'getOptions @internal/fs/utils:335:5'];
  const kImportFdFrame = ['importFd @internal/fs/streams:158:9'];
  for (const [cls, create, atCreate, atCall, checks] of [
    ['ReadStream', 'createReadStream', 'fs:3121:10', 'internal/fs/streams:164:12', {
      options: [167, 24, kOptionsFrame], encoding: [167, 24, kEncodingFrames], 'fs.open': [178, 5], fd: [187, 30, kImportFdFrame], 'fs.read': [193, 3],
      'fs.close': [196, 5], start: [206, 5], end: [215, 5], startEnd: [218, 13],
    }],
    ['WriteStream', 'createWriteStream', 'fs:3144:10', 'internal/fs/streams:323:12', {
      options: [325, 24, kOptionsFrame], encoding: [325, 24, kEncodingFrames], 'fs.open': [333, 5], fd: [342, 30, kImportFdFrame], 'fs.write': [354, 5],
      'fs.writev': [358, 5], 'fs.close': [362, 5], flush: [369, 5], start: [387, 5],
    }],
  ]) {
    for (const key of Object.keys(checks)) {
      const [line, column, above] = checks[key];
      const own = `internal/fs/streams:${line}:${column}`;
      const frames = above === undefined ? [] : above;
      nodeArgSites[`new ${cls}|${key}`] = [...frames, own];
      nodeArgSites[`${cls}|${key}`] = [...frames, `new ${cls} @${own}`, atCall];
      nodeArgSites[`${create}|${key}`] = [...frames, `new ${cls} @${own}`, atCreate];
    }
  }
  // node's excerpts of the checks that throw in place (by the place of node's first frame), where
  // it prints the throw's line, not its errors' rethrow
  const nodeArgExcerpts = {
    'fs:739': [5, "    throw new ERR_INVALID_ARG_VALUE('buffer', buffer,"],
    'internal/fs/utils:635': [3, "  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);"],
    'internal/fs/streams:218': [7, '      throw new ERR_OUT_OF_RANGE('],
    'internal/fs/streams:158': [3, "  throw new ERR_INVALID_ARG_TYPE('options.fd',"],
    'internal/fs/utils:331': [5, "    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);"],
    'internal/fs/utils:158': [5, "    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);"],
  };

  // appendFile's isFd(path) (isInt32: value | 0) that a symbol or bigint path makes throw
  const nodeIsFdSites = {
    appendFileSync: ['isInt32 @internal/validators:45:27', 'fs:2458:24'],
    appendFile: ['isInt32 @internal/validators:45:27', 'fs:2434:24'],
  };

  return {
    arg: nodeArgSites, argExcerpts: nodeArgExcerpts, isFd: nodeIsFdSites,
    options: nodeOptionsSites, data: nodeDataSites,
    sync: nodeSyncSites, path: nodePathSites, callback: nodeCallbackSites, flags: nodeFlagsSites, fd: nodeFdSites,
    mode: nodeModeSites, excerpts: { ...nodeFdExcerpts, ...nodeModeExcerpts },
  };
})

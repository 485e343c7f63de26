'use strict';
// internal/util/parse_args: util.parseArgs, https://nodejs.org/api/util.html#utilparseargsconfig

var errors = require('internal/errors');
var codes = errors.codes;
var validators = require('internal/validators');
var validateObject = validators.validateObject;
var validateBoolean = validators.validateBoolean;
var validateString = validators.validateString;
var validateArray = validators.validateArray;

// typeError makes a parse error whose stack starts at the caller of maker (typeError itself, or
// the helper that called it), as node's errors start at the function that found the problem.
function typeError(code, message, maker) {
  return errors.makeNodeError(TypeError, code, message, maker || typeError);
}

function unknownOption(option, allowPositionals) {
  var suggest = allowPositionals ?
    ". To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- " +
      JSON.stringify(option) : '';
  return typeError('ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '" + option + "'" + suggest, unknownOption);
}

function invalidOptionValue(message) {
  return typeError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', message, invalidOptionValue);
}

function unexpectedPositional(arg) {
  return typeError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    "Unexpected argument '" + arg + "'. This command does not take positional arguments", unexpectedPositional);
}

function objectGetOwn(obj, prop) {
  if (obj && Object.prototype.hasOwnProperty.call(obj, prop)) return obj[prop];
  return undefined;
}

function optionsGetOwn(options, longOption, prop) {
  if (Object.prototype.hasOwnProperty.call(options, longOption)) {
    return objectGetOwn(options[longOption], prop);
  }
  return undefined;
}

function getMainArgs() {
  var execArgv = process.execArgv || [];
  for (var i = 0; i < execArgv.length; i++) {
    var a = execArgv[i];
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a.startsWith('--eval=') || a.startsWith('--print=')) {
      return process.argv.slice(1);
    }
  }
  return process.argv.slice(2);
}

function isLoneShortOption(arg) {
  return arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
}

function isLoneLongOption(arg) {
  return arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
}

function isLongOptionAndValue(arg) {
  return arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
}

function isOptionValue(value) {
  return value != null;
}

function isOptionLikeValue(value) {
  if (value == null) return false;
  return value.length > 1 && value[0] === '-';
}

function findLongOptionForShort(shortOption, options) {
  validateObject(options, 'options');
  var keys = Object.keys(options);
  for (var i = 0; i < keys.length; i++) {
    if (objectGetOwn(options[keys[i]], 'short') === shortOption) return keys[i];
  }
  return shortOption;
}

function isShortOptionGroup(arg, options) {
  if (arg.length <= 2) return false;
  if (arg[0] !== '-') return false;
  if (arg[1] === '-') return false;
  var longOption = findLongOptionForShort(arg[1], options);
  return optionsGetOwn(options, longOption, 'type') !== 'string';
}

function isShortOptionAndValue(arg, options) {
  if (arg.length <= 2) return false;
  if (arg[0] !== '-') return false;
  if (arg[1] === '-') return false;
  var longOption = findLongOptionForShort(arg[1], options);
  return optionsGetOwn(options, longOption, 'type') === 'string';
}

function argsToTokens(args, options) {
  var tokens = [];
  var index = -1;
  var groupCount = 0;
  var remainingArgs = args.slice();
  while (remainingArgs.length > 0) {
    var arg = remainingArgs.shift();
    var nextArg = remainingArgs[0];
    if (groupCount > 0) {
      groupCount--;
    } else {
      index++;
    }
    var value, inlineValue, longOption, shortOption;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index: index });
      for (var r = 0; r < remainingArgs.length; r++) {
        tokens.push({ kind: 'positional', index: ++index, value: remainingArgs[r] });
      }
      break;
    }
    if (isLoneShortOption(arg)) {
      shortOption = arg[1];
      longOption = findLongOptionForShort(shortOption, options);
      value = undefined;
      inlineValue = undefined;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remainingArgs.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index: index, value: value, inlineValue: inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isShortOptionGroup(arg, options)) {
      var expanded = [];
      for (var i = 1; i < arg.length; i++) {
        shortOption = arg[i];
        longOption = findLongOptionForShort(shortOption, options);
        if (optionsGetOwn(options, longOption, 'type') !== 'string' || i === arg.length - 1) {
          expanded.push('-' + shortOption);
        } else {
          expanded.push('-' + arg.slice(i));
          break;
        }
      }
      Array.prototype.unshift.apply(remainingArgs, expanded);
      groupCount = expanded.length;
      continue;
    }
    if (isShortOptionAndValue(arg, options)) {
      shortOption = arg[1];
      longOption = findLongOptionForShort(shortOption, options);
      tokens.push({ kind: 'option', name: longOption, rawName: '-' + shortOption, index: index, value: arg.slice(2), inlineValue: true });
      continue;
    }
    if (isLoneLongOption(arg)) {
      longOption = arg.slice(2);
      value = undefined;
      inlineValue = undefined;
      if (optionsGetOwn(options, longOption, 'type') === 'string' && isOptionValue(nextArg)) {
        value = remainingArgs.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name: longOption, rawName: arg, index: index, value: value, inlineValue: inlineValue });
      if (value != null) ++index;
      continue;
    }
    if (isLongOptionAndValue(arg)) {
      var equalIndex = arg.indexOf('=');
      longOption = arg.slice(2, equalIndex);
      tokens.push({ kind: 'option', name: longOption, rawName: '--' + longOption, index: index, value: arg.slice(equalIndex + 1), inlineValue: true });
      continue;
    }
    tokens.push({ kind: 'positional', index: index, value: arg });
  }
  return tokens;
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && isOptionLikeValue(token.value)) {
    var example = token.rawName.startsWith('--') ?
      "'" + token.rawName + "=-XYZ'" :
      "'--" + token.name + "=-XYZ' or '" + token.rawName + "-XYZ'";
    throw invalidOptionValue("Option '" + token.rawName + "' argument is ambiguous.\n" +
      "Did you forget to specify the option argument for '" + token.rawName + "'?\n" +
      'To specify an option argument starting with a dash use ' + example + '.');
  }
}

function checkOptionUsage(config, token) {
  var tokenName = token.name;
  if (!Object.prototype.hasOwnProperty.call(config.options, tokenName)) {
    // --no-foo negates a known boolean option foo when allowNegative is set
    if (config.allowNegative && tokenName.startsWith('no-')) {
      tokenName = tokenName.slice(3);
      if (!Object.prototype.hasOwnProperty.call(config.options, tokenName) ||
          optionsGetOwn(config.options, tokenName, 'type') !== 'boolean') {
        throw unknownOption(token.rawName, config.allowPositionals);
      }
    } else {
      throw unknownOption(token.rawName, config.allowPositionals);
    }
  }
  var short = optionsGetOwn(config.options, tokenName, 'short');
  var shortAndLong = (short ? '-' + short + ', ' : '') + '--' + tokenName;
  var type = optionsGetOwn(config.options, tokenName, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw invalidOptionValue("Option '" + shortAndLong + " <value>' argument missing");
  }
  if (type === 'boolean' && token.value != null) {
    throw invalidOptionValue("Option '" + shortAndLong + "' does not take an argument");
  }
}

// storeOption stores a token's value; with allowNegative, --no-foo without a value stores
// foo = false and the token is renamed foo, as node does.
function storeOption(token, options, values, allowNegative) {
  var longOption = token.name;
  var optionValue = token.value;
  if (longOption === '__proto__') return;
  if (allowNegative && longOption.startsWith('no-') && optionValue === undefined) {
    longOption = longOption.slice(3);
    token.name = longOption;
    optionValue = false;
  }
  var newValue = optionValue === undefined || optionValue === null ? true : optionValue;
  if (optionsGetOwn(options, longOption, 'multiple')) {
    if (values[longOption] === undefined) {
      values[longOption] = [newValue];
    } else {
      values[longOption].push(newValue);
    }
  } else {
    values[longOption] = newValue;
  }
}

function validateArrayOf(check, typeName) {
  return function (value, name) {
    validateArray(value, name);
    for (var i = 0; i < value.length; i++) {
      if (typeof value[i] !== typeName) {
        throw new codes.ERR_INVALID_ARG_TYPE(name + '[' + i + ']', typeName, value[i]);
      }
    }
  };
}

// (an arrow function, as node's: no prototype; length 0, as parseArgs(config = {}))
const parseArgs = (config = { __proto__: null }) => {
  // node 20 does not validate config: it reads its own properties (a primitive has none), and
  // null fails there
  if (config === null) throw new TypeError('Cannot convert undefined or null to object');
  var args = objectGetOwn(config, 'args');
  if (args === undefined || args === null) args = getMainArgs();
  var strict = objectGetOwn(config, 'strict');
  if (strict === undefined || strict === null) strict = true;
  var allowPositionals = objectGetOwn(config, 'allowPositionals');
  if (allowPositionals === undefined || allowPositionals === null) allowPositionals = !strict;
  var returnTokens = objectGetOwn(config, 'tokens');
  if (returnTokens === undefined || returnTokens === null) returnTokens = false;
  var allowNegative = objectGetOwn(config, 'allowNegative');
  if (allowNegative === undefined || allowNegative === null) allowNegative = false;
  var options = objectGetOwn(config, 'options');
  if (options === undefined || options === null) options = { __proto__: null };
  var parseConfig = { args: args, strict: strict, options: options, allowPositionals: allowPositionals, allowNegative: allowNegative };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  Object.keys(options).forEach(function (longOption) {
    var optionConfig = options[longOption];
    validateObject(optionConfig, 'options.' + longOption);
    var optionType = objectGetOwn(optionConfig, 'type');
    if (optionType !== 'string' && optionType !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.' + longOption + '.type', "('string|boolean')", optionType);
    }
    if (Object.prototype.hasOwnProperty.call(optionConfig, 'short')) {
      var shortOption = optionConfig.short;
      validateString(shortOption, 'options.' + longOption + '.short');
      if (shortOption.length !== 1) {
        throw new codes.ERR_INVALID_ARG_VALUE('options.' + longOption + '.short', shortOption, 'must be a single character');
      }
    }
    var multipleOption = objectGetOwn(optionConfig, 'multiple');
    if (Object.prototype.hasOwnProperty.call(optionConfig, 'multiple')) {
      validateBoolean(multipleOption, 'options.' + longOption + '.multiple');
    }
    var defaultValue = objectGetOwn(optionConfig, 'default');
    if (defaultValue !== undefined) {
      var validator;
      if (optionType === 'string') {
        validator = multipleOption ? validateArrayOf(null, 'string') : validateString;
      } else {
        validator = multipleOption ? validateArrayOf(null, 'boolean') : validateBoolean;
      }
      validator(defaultValue, 'options.' + longOption + '.default');
    }
  });

  var tokens = argsToTokens(args, options);
  var result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  tokens.forEach(function (token) {
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(parseConfig, token);
        checkOptionLikeValue(token);
      }
      storeOption(token, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw unexpectedPositional(token.value);
      }
      result.positionals.push(token.value);
    }
  });
  Object.keys(options).forEach(function (longOption) {
    var mustSetDefault = result.values[longOption] === undefined;
    var d = objectGetOwn(options[longOption], 'default');
    if (mustSetDefault && d !== undefined) {
      result.values[longOption] = d;
    }
  });
  return result;
};

module.exports = { parseArgs: parseArgs };

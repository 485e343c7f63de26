'use strict';
// What diagnostics_channel shares with the built-ins that publish to node's built-in channels
// (https://nodejs.org/api/diagnostics_channel.html#built-in-channels). channels stays null
// until the program loads diagnostics_channel, so until then a built-in's check is one property
// read; watchers are called when one of those channels gains its first subscriber or loses its
// last one, for built-ins that keep a flag of their own.
const state = {
  channels: null,
  watchers: [],
  // publish(key, message): message to the channel of that key, if it has subscribers.
  publish(key, message) {
    const channels = state.channels;
    if (channels !== null && channels[key]._subscribers !== undefined) channels[key].publish(message);
  },
};
module.exports = state;

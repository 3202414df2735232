/*
 * Meeting mode's dialogue timer and its chime, for meeting.js, which
 * meeting-launcher.js loads right after this file. A classic script.
 *
 * window.CourseMeetingTimer = {Timer, Chime}:
 *   new Timer(onChange, onEnd)  counts down from set(minutes); start(), pause(),
 *                               addMinute(), reset(); onChange after every change
 *                               and tick, onEnd once when the time is up;
 *                               state() and mirror(state, own) copy it to another window
 *   new Chime()                 prepare() from a click or key press, then play()
 */
(function () {
  "use strict";
  var TICK_MS = 250;

  // The dialogue timer: counts down from the question's minutes.
  function Timer(onChange, onEnd) {
    this.total = 0;
    this.remaining = 0;
    this.endsAt = null;
    this.interval = null;
    this.ended = false;
    this.onChange = onChange;
    this.onEnd = onEnd;
  }
  Timer.prototype.running = function () {
    return this.endsAt !== null;
  };
  Timer.prototype.set = function (minutes) {
    this.stop();
    this.total = minutes * 60000;
    this.remaining = this.total;
    this.ended = false;
    this.onChange();
  };
  Timer.prototype.start = function () {
    if (this.running()) {
      return false;
    }
    if (this.remaining <= 0) {
      if (this.total <= 0) {
        return false;
      }
      this.remaining = this.total;
    }
    this.ended = false;
    this.endsAt = Date.now() + this.remaining;
    this.interval = window.setInterval(this.tick.bind(this), TICK_MS);
    this.onChange();
    return true;
  };
  Timer.prototype.stop = function () {
    if (this.interval !== null) {
      window.clearInterval(this.interval);
      this.interval = null;
    }
    if (this.endsAt !== null) {
      this.remaining = Math.max(0, this.endsAt - Date.now());
      this.endsAt = null;
    }
  };
  Timer.prototype.pause = function () {
    var was = this.running();
    this.stop();
    this.onChange();
    return was;
  };
  Timer.prototype.addMinute = function () {
    if (this.running()) {
      this.endsAt += 60000;
    } else {
      this.remaining += 60000;
    }
    this.ended = false;
    this.onChange();
  };
  Timer.prototype.reset = function () {
    this.set(this.total / 60000);
  };
  // What another window needs to show the same time (the presenter view).
  Timer.prototype.state = function () {
    var running = this.running();
    return {
      total: this.total,
      remaining: running ? Math.max(0, this.endsAt - Date.now()) : this.remaining,
      running: running,
      ended: this.ended,
    };
  };
  // Takes another window's timer: counts on from its state; onEnd only when `own`
  // (a window that shows another's timer leaves the cue and chime to that one).
  Timer.prototype.mirror = function (state, own) {
    this.stop();
    this.total = state.total;
    this.remaining = state.remaining;
    this.ended = state.ended;
    if (state.running && state.remaining > 0) {
      this.endsAt = Date.now() + state.remaining;
      this.interval = window.setInterval(this.tick.bind(this, !own), TICK_MS);
    }
    this.onChange();
  };
  Timer.prototype.tick = function (mirrored) {
    this.remaining = Math.max(0, this.endsAt - Date.now());
    if (this.remaining <= 0) {
      this.stop();
      this.ended = true;
      this.onChange();
      if (mirrored !== true) this.onEnd();
    } else {
      this.onChange();
    }
  };

  // A soft two-tone chime made with the Web Audio API (no file to fetch).
  function Chime() {
    this.context = null;
  }
  Chime.prototype.prepare = function () {
    // Called from a click or key press: browsers only allow sound after one.
    var AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!this.context && AudioContext) {
      try {
        this.context = new AudioContext();
      } catch (e) {
        this.context = null;
      }
    }
    if (this.context && this.context.state === "suspended" && this.context.resume) {
      this.context.resume().catch(function () {});
    }
    return !!this.context;
  };
  Chime.prototype.play = function () {
    var ctx = this.context;
    if (!ctx) {
      return;
    }
    try {
      [660, 880].forEach(function (frequency, index) {
        var start = ctx.currentTime + index * 0.35;
        var osc = ctx.createOscillator();
        var gain = ctx.createGain();
        osc.type = "sine";
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.12, start + 0.05);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.2);
        osc.connect(gain);
        gain.connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 1.25);
      });
    } catch (e) {
      /* no sound is fine: the visual cue is the one that counts */
    }
  };

  window.CourseMeetingTimer = { Timer: Timer, Chime: Chime };
})();

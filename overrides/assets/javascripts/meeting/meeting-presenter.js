/*
 * Meeting mode's presenter view: two windows, one meeting. A classic script,
 * loaded on demand (see meeting-launcher.js and the view's "Presenter view" button).
 *
 * The window where meeting mode runs opens the same page in a second window
 * and becomes the audience's: the step, the question, the timer, large. The
 * second is the facilitator's: the question and the next screen, the guide's
 * notes on the step (data-facilitation-* on the reflection block, from
 * data/reflection), the timer's controls, the scribe's field, the clock.
 *
 * The audience window owns the meeting: the facilitator's window sends it
 * what the reader does (relay) and shows the state it gets back. The scribe's
 * text is written to the notes store once, by the owner. The windows talk by
 * postMessage on the window.open reference and window.opener, checking each
 * message's source, so it works from file:// too, where storage events and
 * BroadcastChannel do not. A heartbeat notices a window that closed or
 * reloaded; a reloaded window says hello and is taken back.
 *
 * window.CourseMeetingPresenter = {start(view, button), present(), reconnect(source, hello), active()}
 */
(function () {
  "use strict";
  var Course = window.Course;
  var t = Course.t;
  var NAME = Course.presenterWindow;
  var PAGE = location.pathname;
  // An opened file:// page has an opaque origin, which postMessage cannot name.
  var TARGET = location.protocol === "http:" || location.protocol === "https:" ? location.origin : "*";
  var BEAT_MS = 1000;
  var LOST_MS = 3500;
  var CLOSED_CHECK_MS = 150;

  var audience = null; // this window's Audience, when it owns a presenter view
  var facilitator = null; // this window's Facilitator, when it is the presenter view

  function send(target, type, data) {
    var message = data || {};
    message.course = NAME;
    message.page = PAGE;
    message.type = type;
    try {
      target.postMessage(message, TARGET);
    } catch (e) {
      /* the other window is gone: the heartbeat notices */
    }
  }

  function isFrom(event, source) {
    var data = event.data;
    return (
      !!source &&
      event.source === source &&
      !!data &&
      data.course === NAME &&
      data.page === PAGE &&
      (TARGET === "*" || event.origin === TARGET)
    );
  }

  function closed(win) {
    try {
      return !win || win.closed;
    } catch (e) {
      return true;
    }
  }

  function make(tag, className, text) {
    var node = Course.el(tag, className ? { class: className } : {}, text);
    return node;
  }

  function loadStyles() {
    if (document.getElementById("course-presenter-css")) return;
    var link = Course.el("link", { id: "course-presenter-css", rel: "stylesheet", href: Course.assetUrl("../stylesheets/meeting-presenter.css") });
    document.head.appendChild(link);
  }

  // `ack`: the last action from the facilitator's window that this state includes.
  function state(view, ack) {
    return { index: view.index, timer: view.timer.state(), blank: view.blank, openedAt: view.openedAt, ack: ack || 0 };
  }

  // The audience's window: owns the meeting, opened the facilitator's.

  function Audience(view, button) {
    this.view = view;
    this.button = button;
    this.popup = null;
    this.beat = null;
    this.notice = null;
    this.ack = 0;
    this.onMessage = this.onMessage.bind(this);
    this.onHide = this.onHide.bind(this);
  }

  Audience.prototype.open = function () {
    this.clearNotice();
    if (window.top !== window.self) {
      this.showNotice(t("meeting.presenter_framed"));
      return;
    }
    if (this.popup && !closed(this.popup)) {
      this.popup.focus();
      return;
    }
    var popup = null;
    try {
      popup = window.open(location.href.split("#")[0], NAME, "popup,width=1280,height=800");
    } catch (e) {
      popup = null;
    }
    if (!popup) {
      this.showNotice(t("meeting.presenter_blocked"));
      return;
    }
    this.attach(popup);
    this.view.announce(t("meeting.presenter_opened"));
  };

  // The one-window fallback: a clear line, and a button that closes it.
  Audience.prototype.showNotice = function (text) {
    var self = this;
    var view = this.view;
    var box = make("div", "meeting__notice");
    box.setAttribute("role", "alert");
    box.appendChild(make("p", "meeting__notice-text", text));
    var go = make("button", "meeting__button meeting__one-window", t("meeting.presenter_one_window"));
    go.type = "button";
    go.addEventListener("click", function () {
      self.clearNotice();
      (self.button && self.button.isConnected ? self.button : view.stage).focus({ preventScroll: true });
    });
    box.appendChild(go);
    view.content.insertBefore(box, view.screenBox);
    this.notice = box;
    go.focus({ preventScroll: true });
  };

  Audience.prototype.clearNotice = function () {
    if (this.notice) this.notice.remove();
    this.notice = null;
  };

  Audience.prototype.attach = function (popup) {
    var self = this;
    this.popup = popup;
    this.view.presenter = {
      relay: function () {
        return false; // this window owns the meeting: it does what the reader asks
      },
      changed: function (what) {
        self.changed(what);
      },
      writeNote: null,
    };
    this.view.dialog.classList.add("meeting--audience");
    this.button.setAttribute("aria-pressed", "true");
    window.addEventListener("message", this.onMessage);
    window.addEventListener("pagehide", this.onHide);
    window.clearInterval(this.beat);
    this.beat = window.setInterval(function () {
      if (closed(self.popup)) self.detach(false);
      else send(self.popup, "ping");
    }, BEAT_MS);
  };

  // The facilitator's window closed (or meeting mode here did): normal meeting mode again.
  Audience.prototype.detach = function (returnFocus) {
    if (!this.popup) return;
    window.clearInterval(this.beat);
    this.beat = null;
    window.removeEventListener("message", this.onMessage);
    window.removeEventListener("pagehide", this.onHide);
    this.popup = null;
    this.view.presenter = null;
    this.view.dialog.classList.remove("meeting--audience");
    this.button.setAttribute("aria-pressed", "false");
    if (this.view.isOpen()) {
      this.view.announce(t("meeting.presenter_ended"));
      this.view.loadNote(true);
      if (returnFocus) {
        try {
          window.focus();
        } catch (e) {
          /* focus stays where the browser puts it */
        }
        this.button.focus({ preventScroll: true });
      }
    }
  };

  Audience.prototype.changed = function (what) {
    if (what === "close") {
      // Meeting mode ended here (Esc): the facilitator's window goes too.
      var popup = this.popup;
      if (popup && !closed(popup)) {
        send(popup, "end");
        try {
          popup.close();
        } catch (e) {
          /* it closes itself on "end" */
        }
      }
      this.detach(false);
      return;
    }
    if (this.popup) send(this.popup, "state", state(this.view, this.ack));
  };

  Audience.prototype.onHide = function () {
    if (this.popup) send(this.popup, "bye");
  };

  Audience.prototype.onMessage = function (event) {
    if (!isFrom(event, this.popup)) return;
    var data = event.data;
    var view = this.view;
    var self = this;
    if (data.type === "hello" || data.type === "ping") {
      if (data.type === "hello") {
        if (typeof data.seq === "number") this.ack = data.seq;
        send(this.popup, "state", state(view, this.ack));
      }
    } else if (data.type === "act") {
      if (typeof data.seq === "number") this.ack = data.seq;
      var valid =
        (data.action === "go" && typeof data.value === "number") ||
        (data.action === "blank" && typeof data.value === "boolean") ||
        (data.action === "timer" && ["toggle", "add", "reset"].indexOf(data.value) !== -1);
      if (valid) view.act(data.action, data.value);
    } else if (data.type === "note") {
      send(this.popup, "noted", { ok: this.writeNote(data.target, data.text) });
    } else if (data.type === "end") {
      send(this.popup, "ended"); // after the notes that came before: the window may close now
      this.detach(true);
    } else if (data.type === "bye") {
      // Closed, or reloading (then it says hello again).
      window.setTimeout(function () {
        if (closed(self.popup)) self.detach(true);
      }, CLOSED_CHECK_MS);
    }
  };

  Audience.prototype.writeNote = function (target, text) {
    var store = window.CourseNotes;
    if (!store || !target || typeof text !== "string") return false;
    var asked = typeof target.asked === "string" ? target.asked : "";
    var id = String(target.id);
    try {
      var result = target.kind === "agreed" ? store.setAgreed(id, text, asked) : store.setGroupNote(id, text, asked);
      return !!(result && result.ok);
    } catch (e) {
      return false;
    }
  };

  // The facilitator's window: shows the owner's state, sends it what the reader does.

  function Facilitator() {
    this.view = null;
    this.owner = window.opener;
    this.connected = false;
    this.heard = 0;
    this.ownerBlank = false;
    this.seq = 0; // actions sent to the owner; its state says which it has done
    this.openedAt = Date.now();
    this.onMessage = this.onMessage.bind(this);
  }

  Facilitator.prototype.present = function () {
    var self = this;
    loadStyles();
    window.CourseMeeting.open(document.querySelector("section.reflection[data-step-id]"), null);
    var view = window.CourseMeeting.view();
    this.view = view;
    view.dialog.classList.add("meeting--presenter");
    view.dialog.setAttribute("aria-label", t("meeting.presenter_dialog"));
    view.closeButton.textContent = t("meeting.presenter_close");
    this.build();
    view.presenter = {
      relay: function (action, value) {
        return self.relay(action, value);
      },
      changed: function (what) {
        self.changed(what);
      },
      writeNote: function (target, text) {
        return self.writeNote(target, text);
      },
    };
    window.addEventListener("message", this.onMessage);
    window.addEventListener("pagehide", function () {
      if (!closed(self.owner)) send(self.owner, "bye");
    });
    window.setInterval(function () {
      self.heartbeat();
    }, BEAT_MS);
    this.setStatus(t("meeting.presenter_waiting"));
    this.changed("screen");
    this.tickClock();
    this.hello();
  };

  Facilitator.prototype.build = function () {
    var panel = make("section", "meeting__panel");
    panel.setAttribute("aria-label", t("meeting.presenter_guide"));
    var times = make("p", "meeting__panel-times");
    this.clockText = make("span", "meeting__panel-clock");
    this.elapsedText = make("span", "meeting__panel-elapsed");
    times.appendChild(this.clockText);
    times.appendChild(this.elapsedText);
    this.status = make("p", "meeting__panel-status");
    this.status.setAttribute("role", "status");
    this.blankStatus = make("p", "meeting__panel-blank", t("meeting.presenter_audience_blank"));
    this.blankStatus.hidden = true;
    this.nextText = make("p", "meeting__panel-next");
    this.guide = make("div", "meeting__panel-guide");
    panel.appendChild(times);
    panel.appendChild(this.status);
    panel.appendChild(this.blankStatus);
    panel.appendChild(make("h2", "meeting__panel-heading", t("meeting.presenter_next")));
    panel.appendChild(this.nextText);
    panel.appendChild(make("h2", "meeting__panel-heading", t("meeting.presenter_guide")));
    panel.appendChild(this.guide);
    this.view.content.insertBefore(panel, this.view.screenBox.nextSibling);
  };

  Facilitator.prototype.setStatus = function (text) {
    if (this.status.textContent !== text) this.status.textContent = text;
  };

  // What the reader does goes to the owner while it listens; alone, this window does it.
  // A move shows here at once too, so quick key presses are never lost on the way.
  Facilitator.prototype.relay = function (action, value) {
    if (!this.connected) return false;
    if (action === "blank") value = !this.ownerBlank;
    this.seq += 1;
    if (action === "go") {
      if (value < 0 || value >= this.view.screens.length) return false;
      this.view.go(value); // saves the note, which reaches the owner before the move
    }
    send(this.owner, "act", { action: action, value: value, seq: this.seq });
    return true;
  };

  Facilitator.prototype.writeNote = function (target, text) {
    if (this.connected) {
      send(this.owner, "note", { target: target, text: text });
      return { ok: true };
    }
    var store = window.CourseNotes;
    return target.kind === "agreed" ? store.setAgreed(target.id, text, target.asked) : store.setGroupNote(target.id, text, target.asked);
  };

  Facilitator.prototype.changed = function (what) {
    if (what === "close") {
      // Esc or the close button: the presenter view ends, the audience window goes back to
      // meeting mode. The window closes once the owner has the scribe's last words.
      if (this.connected && !closed(this.owner)) {
        send(this.owner, "end");
        window.setTimeout(function () {
          window.close();
        }, LOST_MS);
      } else {
        window.close();
      }
      return;
    }
    if (what === "screen") this.showScreen();
  };

  Facilitator.prototype.showScreen = function () {
    var view = this.view;
    var screen = view.screens[view.index];
    var next = view.screens[view.index + 1];
    var nextLang = "";
    if (!next) this.nextText.textContent = t("meeting.presenter_end");
    else if (next.question) {
      this.nextText.textContent = next.question.text;
      nextLang = next.question.textLang;
    } else if (next.agreed) this.nextText.textContent = t("meeting.agreed") + ": " + next.step.title;
    else {
      this.nextText.textContent = next.step.title;
      nextLang = next.step.titleLang;
    }
    // A question written in another language than the page's keeps its language (see meeting.js).
    if (nextLang) this.nextText.setAttribute("lang", nextLang);
    else this.nextText.removeAttribute("lang");

    // The guide's notes on the step, from the block's HTML (data/reflection), and its minutes.
    var step = screen.step;
    var section = step.section;
    var parts = [];
    [["purpose", "meeting.purpose"], ["how", "meeting.how"]].forEach(function (pair) {
      var text = section.getAttribute("data-facilitation-" + pair[0]);
      if (!text) return;
      var line = make("p", "meeting__panel-note");
      line.setAttribute("data-note", pair[0]);
      line.appendChild(make("strong", null, t(pair[1]) + ": "));
      line.appendChild(document.createTextNode(text));
      parts.push(line);
    });
    var minutes = step.questions.reduce(function (sum, q) {
      return sum + q.minutes;
    }, 0);
    if (minutes) parts.push(make("p", "meeting__panel-minutes", t("meeting.presenter_step_minutes", { count: minutes })));
    this.guide.replaceChildren.apply(this.guide, parts);
  };

  Facilitator.prototype.tickClock = function () {
    var now = new Date();
    var time = now.toLocaleTimeString(Course.config.lang === "sv" ? "sv-SE" : "en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    var text = t("meeting.presenter_time", { time: time });
    if (this.clockText.textContent !== text) this.clockText.textContent = text;
    var minutes = Math.max(0, Math.floor((Date.now() - this.openedAt) / 60000));
    var elapsed = t("meeting.presenter_elapsed", { minutes: minutes });
    if (this.elapsedText.textContent !== elapsed) this.elapsedText.textContent = elapsed;
  };

  Facilitator.prototype.heartbeat = function () {
    this.tickClock();
    if (closed(this.owner)) {
      this.lose(t("meeting.presenter_audience_closed"));
      return;
    }
    if (this.connected && Date.now() - this.heard > LOST_MS) this.lose(t("meeting.presenter_lost"));
    if (this.connected) send(this.owner, "ping");
    else this.hello();
  };

  // Says where this window is, for an owner that reloaded and takes it back.
  Facilitator.prototype.hello = function () {
    var data = state(this.view);
    data.seq = this.seq;
    send(this.owner, "hello", data);
  };

  Facilitator.prototype.lose = function (text) {
    this.connected = false;
    this.ownerBlank = false;
    this.blankStatus.hidden = true;
    this.setStatus(text);
  };

  // The facilitator is the one at the keyboard: the timer's and the audience screen's
  // changes are said here too, not only in the audience's window (issue 26, F9).
  Facilitator.prototype.announceChanges = function (data) {
    var before = this.lastState;
    this.lastState = { timer: data.timer || null, blank: data.blank === true };
    if (!before) return;
    var now = this.lastState;
    if (before.blank !== now.blank) {
      this.view.announce(t(now.blank ? "meeting.presenter_audience_blank" : "meeting.unblanked"));
    } else if (now.timer && before.timer) {
      if (now.timer.ended && !before.timer.ended) this.view.announce(t("meeting.time_up"));
      else if (now.timer.running && !before.timer.running) this.view.announce(t("meeting.started"));
      else if (!now.timer.running && before.timer.running && !now.timer.ended) this.view.announce(t("meeting.paused"));
    }
  };

  Facilitator.prototype.onMessage = function (event) {
    if (!isFrom(event, this.owner)) return;
    var data = event.data;
    var view = this.view;
    this.heard = Date.now();
    if (data.type === "state") {
      if (!this.connected) {
        this.connected = true;
        this.setStatus(t("meeting.presenter_connected"));
      }
      if (typeof data.openedAt === "number") this.openedAt = data.openedAt;
      if (data.ack < this.seq) return; // an action of ours is still on its way: a later state follows
      if (data.index !== view.index) view.go(data.index);
      if (data.timer) view.timer.mirror(data.timer, false);
      this.announceChanges(data);
      this.ownerBlank = data.blank === true;
      this.blankStatus.hidden = !this.ownerBlank;
    } else if (data.type === "noted" && !data.ok) {
      view.noteStatus.textContent = t("meeting.note_not_saved");
      view.announce(t("meeting.note_not_saved"));
    } else if (data.type === "end" || data.type === "ended") {
      window.close();
    } else if (data.type === "bye") {
      this.lose(t("meeting.presenter_lost"));
    }
  };

  window.CourseMeetingPresenter = {
    // From the view's button, in the window where meeting mode runs.
    start: function (view, button) {
      loadStyles();
      if (!audience || audience.view !== view) audience = new Audience(view, button);
      audience.open();
    },
    // In the window that meeting mode opened.
    present: function () {
      if (!facilitator) {
        facilitator = new Facilitator();
        facilitator.present();
      }
    },
    // In an audience window reloaded while its facilitator's window stayed open:
    // meeting mode again, where the facilitator is.
    reconnect: function (source, hello) {
      loadStyles();
      var block = document.querySelector("section.reflection[data-step-id]");
      window.CourseMeeting.open(block, null);
      var view = window.CourseMeeting.view();
      if (typeof hello.index === "number" && hello.index >= 0 && hello.index < view.screens.length) view.go(hello.index);
      if (hello.timer) view.timer.mirror(hello.timer, true);
      if (typeof hello.openedAt === "number") view.openedAt = hello.openedAt;
      audience = new Audience(view, view.presenterButton);
      audience.ack = typeof hello.seq === "number" ? hello.seq : 0;
      audience.attach(source);
      send(source, "state", state(view, audience.ack));
    },
    active: function () {
      return !!((audience && audience.popup) || facilitator);
    },
  };
})();

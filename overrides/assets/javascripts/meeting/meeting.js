/*
 * Meeting mode: the page's reflection questions on a projector, one per
 * screen, with a dialogue timer and a field for the group's note, and after
 * each step's questions a screen for what the group agreed.
 *
 * Loaded on demand by meeting-launcher.js, after meeting-timer.js (the
 * dialogue timer and its chime); a classic script (see course.js).
 * The questions come from the page's own reflection blocks (the HTML the
 * `reflektion` macro renders), never from a second list. Group notes go
 * through window.CourseNotes (notes-store.js) when it is there.
 *
 * Exposes window.CourseMeeting = {open(block, returnTo), close(), isOpen(), view()}.
 * The presenter view (meeting-presenter.js, loaded from the view's button)
 * sets view.presenter = {relay(action, value), changed(what), writeNote(target, text)}:
 * relay may take a reader's action ("go", "timer", "blank") and return true,
 * to send it to the window that owns the meeting; changed hears "screen",
 * "timer", "blank" and "close"; writeNote, when set, saves the scribe's text.
 */
(function () {
  "use strict";
  var Course = window.Course;
  var t = Course.t;

  var Timer = window.CourseMeetingTimer.Timer; // meeting-timer.js, loaded first
  var Chime = window.CourseMeetingTimer.Chime;

  var SWIPE_MIN_PX = 60;
  var NOTE_SAVE_DELAY_MS = 400;

  // Helper functions

  function format(key, values) {
    return t(key, values);
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function button(className, text, onClick) {
    var node = make("button", "meeting__button " + className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function cleanText(node) {
    return node ? node.textContent.replace(/\s+/g, " ").trim() : "";
  }

  // A text in another language than the page's (a local question written only
  // in Swedish, on an English page) comes wrapped in <span lang>; the view
  // keeps that language, for screen readers and hyphenation.
  function langOf(node) {
    var marked = node && node.querySelector("[lang]");
    return marked && cleanText(marked) === cleanText(node) ? marked.getAttribute("lang") : "";
  }

  function withLang(node, lang) {
    if (lang) node.setAttribute("lang", lang);
    else node.removeAttribute("lang");
    return node;
  }

  function clock(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function isEditable(node) {
    return !!(node && node.closest && node.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])"));
  }

  function isControl(node) {
    return !!(node && node.closest && node.closest("button, a[href], summary, input, textarea, select"));
  }

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll("button, a[href], textarea, input, select, [tabindex]:not([tabindex='-1'])"),
      function (node) {
        return !node.disabled && !node.closest("[hidden], [inert]") && node.getClientRects().length > 0;
      }
    );
  }

  // The page's reflection blocks, read from their HTML contract.
  function readSteps() {
    var steps = [];
    document.querySelectorAll("section.reflection[data-step-id]").forEach(function (section) {
      var heading = section.querySelector("h2, h3, h4");
      var intro = section.querySelector(".reflection__intro") ||
        Array.prototype.find.call(section.querySelectorAll("p"), function (p) {
          return !p.className && !p.closest(".reflection__question, .meeting-launch");
        });
      var step = {
        id: section.getAttribute("data-step-id"),
        section: section,
        title: cleanText(heading),
        titleLang: langOf(heading),
        intro: cleanText(intro),
        introLang: langOf(intro),
        questions: [],
      };
      section.querySelectorAll("li.reflection__question[data-question-id]").forEach(function (item) {
        var minutes = parseInt(item.getAttribute("data-minutes") || "", 10);
        step.questions.push({
          id: item.getAttribute("data-question-id"),
          text: cleanText(item.querySelector(".reflection__text")),
          textLang: langOf(item.querySelector(".reflection__text")),
          guidance: cleanText(item.querySelector(".reflection__guidance")),
          minutes: isNaN(minutes) || minutes < 0 ? 0 : minutes,
        });
      });
      steps.push(step);
    });
    return steps;
  }

  // Each step gives one intro screen, one screen per question, and one for
  // what the group agreed ("Det här kom vi överens om" on the page).
  function screensOf(steps) {
    var screens = [];
    steps.forEach(function (step) {
      screens.push({ step: step, question: null });
      step.questions.forEach(function (question, index) {
        screens.push({ step: step, question: question, number: index + 1, count: step.questions.length });
      });
      screens.push({ step: step, question: null, agreed: true });
    });
    return screens;
  }

  // The view

  var view = null;

  function MeetingView() {
    this.steps = [];
    this.screens = [];
    this.index = 0;
    this.blank = false;
    this.soundOn = false;
    this.returnTo = null;
    this.scroll = [0, 0];
    this.noteTimer = null;
    this.noteTarget = null; // {kind: "group" | "agreed", id, asked}: what the scribe's field is for
    this.noteDirty = false;
    this.unsubscribe = null;
    this.presenter = null; // meeting-presenter.js, while a second window is open
    this.chime = new Chime();
    this.timer = new Timer(this.renderTimer.bind(this), this.timeUp.bind(this));
    this.onKey = this.onKey.bind(this);
    this.build();
  }

  MeetingView.prototype.build = function () {
    var self = this;
    var dialog = make("dialog", "meeting");
    dialog.id = "course-meeting";
    dialog.setAttribute("aria-label", t("meeting.dialog"));
    dialog.addEventListener("cancel", function (event) {
      event.preventDefault();
      self.close();
    });

    // The stage fills the dialog and is what goes full screen: a dialog
    // element itself may not be made full screen.
    var stage = make("div", "meeting__stage");
    stage.tabIndex = -1;

    var bar = make("div", "meeting__bar");
    var where = make("p", "meeting__where");
    this.whereStep = make("span", "meeting__where-step");
    this.wherePosition = make("span", "meeting__where-position");
    where.appendChild(this.whereStep);
    // A space between the two, or a screen reader says "tjänstelogikFråga 1 av 5" (issue 26, F18).
    where.appendChild(document.createTextNode(" "));
    where.appendChild(this.wherePosition);
    var tools = make("div", "meeting__tools");
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", t("meeting.tools"));
    this.prevButton = button("meeting__prev", t("meeting.previous"), function () {
      self.act("go", self.index - 1);
    });
    this.prevButton.setAttribute("aria-keyshortcuts", "ArrowLeft PageUp");
    this.nextButton = button("meeting__next", t("meeting.next"), function () {
      self.act("go", self.index + 1);
    });
    this.nextButton.setAttribute("aria-keyshortcuts", "ArrowRight PageDown Space");
    this.blankButton = button("meeting__blank-button", t("meeting.blank"), function () {
      self.act("blank", true);
    });
    this.blankButton.setAttribute("aria-keyshortcuts", "B .");
    this.fullButton = button("meeting__full", t("meeting.fullscreen"), function () {
      self.toggleFullscreen();
    });
    this.fullButton.setAttribute("aria-keyshortcuts", "F");
    this.fullButton.setAttribute("aria-pressed", "false");
    this.soundButton = button("meeting__sound", t("meeting.sound"), function () {
      self.toggleSound();
    });
    this.soundButton.setAttribute("aria-pressed", "false");
    this.presenterButton = button("meeting__presenter", t("meeting.presenter"), function () {
      Course.loadScript("meeting/meeting-presenter.js").then(function () {
        window.CourseMeetingPresenter.start(self, self.presenterButton);
      });
    });
    this.presenterButton.setAttribute("aria-pressed", "false");
    this.closeButton = button("meeting__close", t("meeting.close"), function () {
      self.close();
    });
    this.closeButton.setAttribute("aria-keyshortcuts", "Escape");
    [this.prevButton, this.nextButton, this.blankButton, this.fullButton, this.soundButton, this.presenterButton, this.closeButton].forEach(
      function (node) {
        tools.appendChild(node);
      }
    );
    addGroupViewLink(tools, this.closeButton); // issue 16, below
    bar.appendChild(where);
    bar.appendChild(tools);

    this.screenBox = make("div", "meeting__screen");

    var foot = make("div", "meeting__foot");
    this.timerBox = make("div", "meeting__timer");
    this.timerBox.setAttribute("role", "group");
    this.timerBox.setAttribute("aria-label", t("meeting.timer"));
    // No live region on the digits: they change every second. Start, pause
    // and the end are announced through the view's own live region.
    this.clock = make("p", "meeting__clock", "0:00");
    var timerTools = make("div", "meeting__timer-tools");
    this.startButton = button("meeting__start", t("meeting.start"), function () {
      self.act("timer", "toggle");
    });
    this.startButton.setAttribute("aria-keyshortcuts", "T");
    this.addButton = button("meeting__add", t("meeting.add_minute"), function () {
      self.act("timer", "add");
    });
    this.resetButton = button("meeting__reset", t("meeting.reset"), function () {
      self.act("timer", "reset");
    });
    timerTools.appendChild(this.startButton);
    timerTools.appendChild(this.addButton);
    timerTools.appendChild(this.resetButton);
    this.timeUpText = make("p", "meeting__time-up", t("meeting.time_up"));
    this.timeUpText.hidden = true;
    this.timerBox.appendChild(this.clock);
    this.timerBox.appendChild(timerTools);
    this.timerBox.appendChild(this.timeUpText);

    this.scribe = make("div", "meeting__scribe");
    var label = make("label", "meeting__note-label", t("meeting.note"));
    label.htmlFor = "course-meeting-note";
    this.noteLabel = label;
    this.note = make("textarea", "meeting__note");
    this.note.id = "course-meeting-note";
    this.note.rows = 3;
    this.note.setAttribute("aria-describedby", "course-meeting-note-status");
    this.note.addEventListener("input", function () {
      self.queueNoteSave();
    });
    this.note.addEventListener("blur", function () {
      self.saveNote();
    });
    this.noteStatus = make("p", "meeting__note-status", "");
    this.noteStatus.id = "course-meeting-note-status";
    this.scribe.appendChild(label);
    this.scribe.appendChild(this.note);
    this.scribe.appendChild(this.noteStatus);

    foot.appendChild(this.timerBox);
    foot.appendChild(this.scribe);

    var keys = make("p", "meeting__keys", t("meeting.keys"));

    this.live = make("p", "meeting__live");
    this.live.setAttribute("aria-live", "polite");
    this.live.setAttribute("aria-atomic", "true");

    this.content = make("div", "meeting__content");
    this.content.appendChild(bar);
    this.content.appendChild(this.screenBox);
    this.content.appendChild(foot);
    this.content.appendChild(keys);

    this.blankCover = make("div", "meeting__cover");
    this.blankCover.tabIndex = -1;
    this.blankCover.hidden = true;
    this.blankCover.appendChild(make("p", "meeting__cover-text", t("meeting.blanked")));
    this.blankCover.addEventListener("click", function () {
      self.act("blank", false);
    });

    stage.appendChild(this.content);
    stage.appendChild(this.blankCover);
    stage.appendChild(this.live);
    dialog.appendChild(stage);
    this.stage = stage;
    this.dialog = dialog;
    this.addSwipe(stage);
    document.addEventListener("fullscreenchange", function () {
      self.fullButton.setAttribute("aria-pressed", String(self.fullscreenElement() === self.stage));
    });
    document.body.appendChild(dialog);
  };

  MeetingView.prototype.open = function (block, returnTo) {
    this.steps = readSteps();
    this.screens = screensOf(this.steps);
    var start = 0;
    for (var i = 0; i < this.screens.length; i++) {
      if (this.screens[i].step.section === block) {
        start = i;
        break;
      }
    }
    // Opened with M from nowhere: focus goes back to the block's own button (issue 26, F23).
    this.returnTo = returnTo && returnTo !== document.body ? returnTo : (block && block.querySelector(".meeting-launch__button")) || null;
    this.scroll = [window.scrollX, window.scrollY];
    this.openedAt = Date.now();
    this.blank = false;
    this.blankCover.hidden = true;
    this.content.inert = false;
    document.documentElement.classList.add("meeting-open");
    window.addEventListener("keydown", this.onKey, true);
    if (window.CourseNotes && window.CourseNotes.subscribe && !this.unsubscribe) {
      var self = this;
      var off = window.CourseNotes.subscribe(function () {
        self.loadNote(false);
      });
      this.unsubscribe = typeof off === "function" ? off : function () {};
    }
    this.dialog.showModal();
    this.go(start, true);
    this.stage.focus({ preventScroll: true });
  };

  MeetingView.prototype.isOpen = function () {
    return this.dialog.open;
  };

  MeetingView.prototype.close = function () {
    if (!this.dialog.open) {
      return;
    }
    this.saveNote();
    this.timer.stop();
    window.removeEventListener("keydown", this.onKey, true);
    if (this.unsubscribe) {
      this.unsubscribe();
      this.unsubscribe = null;
    }
    var leaving = this.fullscreenElement() === this.stage ? this.exitFullscreen() : null;
    this.dialog.close();
    this.notify("close");
    document.documentElement.classList.remove("meeting-open");
    var scroll = this.scroll;
    window.scrollTo(scroll[0], scroll[1]);
    var back = this.returnTo;
    this.returnTo = null;
    function restore() {
      if (back && back.isConnected && typeof back.focus === "function" && document.activeElement !== back) {
        back.focus({ preventScroll: true });
        window.scrollTo(scroll[0], scroll[1]);
      }
    }
    restore();
    // Focus set while the stage is still full screen is lost: set it again once the
    // browser has left full screen (issue 26, F8).
    if (leaving) {
      var once = function () {
        document.removeEventListener("fullscreenchange", once);
        restore();
      };
      document.addEventListener("fullscreenchange", once);
      Promise.resolve(leaving).then(restore, restore);
    }
  };

  // Move to a screen: redraw it, reset the timer, announce it.
  MeetingView.prototype.go = function (index, opening) {
    if (index < 0 || index >= this.screens.length) {
      if (!opening && index >= this.screens.length) {
        this.announce(t("meeting.last"));
      }
      return;
    }
    if (!opening) {
      this.saveNote();
    }
    this.index = index;
    var screen = this.screens[index];
    var step = screen.step;
    var question = screen.question;

    withLang(this.whereStep, step.titleLang).textContent = step.title;
    this.wherePosition.textContent = question
      ? format("meeting.position", { number: screen.number, count: screen.count })
      : t(screen.agreed ? "meeting.agreed" : "meeting.introduction");
    this.prevButton.setAttribute("aria-disabled", String(index === 0));
    this.nextButton.setAttribute("aria-disabled", String(index === this.screens.length - 1));

    // A new element each time, so the entrance animation runs again.
    var body = make("div", question ? "meeting__body meeting__body--question" : "meeting__body meeting__body--intro");
    if (question) {
      body.setAttribute("data-question-id", question.id);
      body.appendChild(withLang(make("p", "meeting__question", question.text), question.textLang));
      // The block's guidance line already holds the suggested minutes and
      // form in the page's language ("Cirka 10 minuter. Gå varvet runt: …").
      if (question.guidance) {
        body.appendChild(make("p", "meeting__guidance", question.guidance));
      }
    } else if (screen.agreed) {
      body.className = "meeting__body meeting__body--intro meeting__body--agreed";
      body.setAttribute("data-step-id", step.id);
      body.setAttribute("data-agreed", "");
      body.appendChild(make("h2", "meeting__title", t("meeting.agreed")));
      body.appendChild(make("p", "meeting__intro", t("meeting.agreed_help")));
    } else {
      body.setAttribute("data-step-id", step.id);
      body.appendChild(withLang(make("h2", "meeting__title", step.title), step.titleLang));
      if (step.intro) {
        body.appendChild(withLang(make("p", "meeting__intro", step.intro), step.introLang));
      }
      body.appendChild(
        make("p", "meeting__count", format("meeting.question_count", { count: step.questions.length }))
      );
    }
    this.screenBox.replaceChildren(body);

    this.timerBox.hidden = !question;
    this.scribe.hidden = !question && !screen.agreed;
    this.noteLabel.textContent = t(screen.agreed ? "meeting.agreed" : "meeting.note");
    this.timer.set(question ? question.minutes : 0);
    this.loadNote(true);
    var said = step.title + ". " + step.intro;
    if (question) said = format("meeting.position", { number: screen.number, count: screen.count }) + ". " + question.text;
    else if (screen.agreed) said = t("meeting.agreed") + ". " + step.title;
    this.announce(said);
    this.notify("screen");
  };

  // A reader's action, from a button, a key or a swipe; the presenter view may
  // pass it on to the window that owns the meeting instead.
  MeetingView.prototype.act = function (action, value) {
    if (this.presenter && this.presenter.relay(action, value)) return;
    if (action === "go") this.go(value);
    else if (action === "blank") this.setBlank(value);
    else if (action === "timer" && value === "toggle") this.toggleTimer();
    else if (action === "timer" && value === "add") this.timer.addMinute();
    else if (action === "timer" && value === "reset") this.timer.reset();
  };

  MeetingView.prototype.notify = function (what) {
    if (this.presenter) this.presenter.changed(what);
  };

  MeetingView.prototype.announce = function (text) {
    this.live.textContent = text;
  };

  MeetingView.prototype.currentQuestion = function () {
    var screen = this.screens[this.index];
    return screen ? screen.question : null;
  };

  // What the scribe's field writes on this screen: the question's group note,
  // the step's agreement, or nothing (an intro screen).
  MeetingView.prototype.currentNoteTarget = function () {
    var screen = this.screens[this.index];
    if (!screen) return null;
    if (screen.question) return { kind: "group", id: screen.question.id, asked: screen.question.text };
    if (screen.agreed) return { kind: "agreed", id: screen.step.id, asked: screen.step.title };
    return null;
  };

  // Keys, caught before Material's own shortcuts (which would otherwise
  // leave the page on "." or search on "f").
  MeetingView.prototype.onKey = function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    event.stopPropagation();
    var key = String(event.key || "");
    if (key === "Escape") {
      event.preventDefault();
      if (this.blank) {
        this.act("blank", false);
      } else {
        this.close();
      }
      return;
    }
    if (key === "Tab") {
      this.trapTab(event);
      return;
    }
    if (isEditable(event.target)) {
      return;
    }
    var lower = key.length === 1 ? key.toLowerCase() : key;
    if (this.blank) {
      if (["b", ".", " ", "ArrowRight", "ArrowLeft", "PageUp", "PageDown", "Enter"].indexOf(lower) !== -1) {
        event.preventDefault();
        this.act("blank", false);
      }
      return;
    }
    switch (lower) {
      case "ArrowRight":
      case "PageDown":
        event.preventDefault();
        this.act("go", this.index + 1);
        break;
      case " ":
        if (isControl(event.target)) {
          return; // Space presses the focused button
        }
        event.preventDefault();
        this.act("go", this.index + 1);
        break;
      case "ArrowLeft":
      case "PageUp":
        event.preventDefault();
        this.act("go", this.index - 1);
        break;
      case "Home":
        event.preventDefault();
        this.act("go", 0);
        break;
      case "End":
        event.preventDefault();
        this.act("go", this.screens.length - 1);
        break;
      case "b":
      case ".":
        event.preventDefault();
        this.act("blank", true);
        break;
      case "t":
        event.preventDefault();
        this.act("timer", "toggle");
        break;
      case "f":
        event.preventDefault();
        this.toggleFullscreen();
        break;
      default:
        break;
    }
  };

  MeetingView.prototype.trapTab = function (event) {
    var items = focusables(this.blank ? this.blankCover : this.stage);
    if (!items.length) {
      event.preventDefault();
      return;
    }
    var first = items[0];
    var last = items[items.length - 1];
    var active = document.activeElement;
    var inside = this.stage.contains(active) && items.indexOf(active) !== -1;
    if (event.shiftKey && (active === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  MeetingView.prototype.setBlank = function (on) {
    if (this.blank === on) {
      return;
    }
    this.blank = on;
    this.blankCover.hidden = !on;
    this.content.inert = on;
    if (on) {
      this.focusBeforeBlank = document.activeElement;
      this.blankCover.focus({ preventScroll: true });
      this.announce(t("meeting.blanked"));
    } else {
      var back = this.focusBeforeBlank;
      this.focusBeforeBlank = null;
      (back && this.stage.contains(back) && back !== this.blankCover ? back : this.stage).focus({ preventScroll: true });
      this.announce(t("meeting.unblanked"));
    }
    this.notify("blank");
  };

  // Timer controls

  MeetingView.prototype.toggleTimer = function () {
    if (!this.currentQuestion()) {
      return;
    }
    if (this.timer.running()) {
      this.timer.pause();
      this.announce(t("meeting.paused"));
    } else if (this.timer.start()) {
      if (this.soundOn) {
        this.chime.prepare();
      }
      this.announce(t("meeting.started"));
    }
  };

  MeetingView.prototype.renderTimer = function () {
    var running = this.timer.running();
    this.clock.textContent = clock(this.timer.remaining);
    this.startButton.textContent = running ? t("meeting.pause") : t("meeting.start");
    this.timerBox.classList.toggle("meeting__timer--running", running);
    this.timerBox.classList.toggle("meeting__timer--ended", this.timer.ended);
    this.timeUpText.hidden = !this.timer.ended;
    this.notify("timer");
  };

  MeetingView.prototype.timeUp = function () {
    this.announce(t("meeting.time_up"));
    if (this.soundOn) {
      this.chime.play();
    }
  };

  MeetingView.prototype.toggleSound = function () {
    this.soundOn = !this.soundOn;
    if (this.soundOn && !this.chime.prepare()) {
      this.soundOn = false;
      this.announce(t("meeting.sound_unavailable"));
    }
    this.soundButton.setAttribute("aria-pressed", String(this.soundOn));
  };

  // Full screen: the Fullscreen API where there is one; never an error.

  MeetingView.prototype.fullscreenElement = function () {
    return document.fullscreenElement || document.webkitFullscreenElement || null;
  };

  MeetingView.prototype.exitFullscreen = function () {
    try {
      var result = document.exitFullscreen ? document.exitFullscreen() : document.webkitExitFullscreen && document.webkitExitFullscreen();
      if (result && result.catch) {
        result.catch(function () {});
      }
      return result || null;
    } catch (e) {
      /* already out of full screen */
      return null;
    }
  };

  MeetingView.prototype.toggleFullscreen = function () {
    var self = this;
    if (this.fullscreenElement()) {
      this.exitFullscreen();
      return;
    }
    var stage = this.stage;
    var request = stage.requestFullscreen || stage.webkitRequestFullscreen;
    var enabled = document.fullscreenEnabled !== false || document.webkitFullscreenEnabled === true;
    function unavailable() {
      self.announce(t("meeting.fullscreen_unavailable"));
    }
    if (typeof request !== "function" || !enabled) {
      unavailable();
      return;
    }
    try {
      var result = request.call(stage);
      if (result && result.catch) {
        result.catch(unavailable);
      }
    } catch (e) {
      unavailable();
    }
  };

  // Swipe left or right on a touch screen.
  MeetingView.prototype.addSwipe = function (stage) {
    var self = this;
    var start = null;
    stage.addEventListener(
      "touchstart",
      function (event) {
        var touch = event.changedTouches[0];
        start = event.touches.length === 1 && !isControl(event.target) ? { x: touch.clientX, y: touch.clientY } : null;
      },
      { passive: true }
    );
    stage.addEventListener(
      "touchend",
      function (event) {
        if (!start) {
          return;
        }
        var touch = event.changedTouches[0];
        var dx = touch.clientX - start.x;
        var dy = touch.clientY - start.y;
        start = null;
        if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < 1.5 * Math.abs(dy)) {
          return;
        }
        if (self.blank) {
          self.act("blank", false);
        } else {
          self.act("go", self.index + (dx < 0 ? 1 : -1));
        }
      },
      { passive: true }
    );
  };

  // The scribe's note: the group's note for the question, or the step's
  // agreement, in the notes store.

  MeetingView.prototype.store = function () {
    var store = window.CourseNotes;
    // When the browser blocks storage the store still works for this page
    // (in memory); the status line says the note will not be kept.
    return store && typeof store.setGroupNote === "function" && typeof store.read === "function" ? store : null;
  };

  MeetingView.prototype.loadNote = function (always) {
    var target = this.currentNoteTarget();
    if (!target) {
      this.noteTarget = null;
      return;
    }
    if (!always && (document.activeElement === this.note || this.noteDirty)) {
      return; // never overwrite what the scribe is typing
    }
    var store = this.store();
    var text = "";
    if (store) {
      try {
        var data = store.read();
        var saved = data && data[target.kind] && data[target.kind][target.id];
        text = saved && typeof saved.text === "string" ? saved.text : "";
      } catch (e) {
        text = "";
      }
    }
    this.note.disabled = !store;
    this.noteStatus.textContent = store && store.available !== false ? t("meeting.note_help") : t("meeting.note_unavailable");
    this.note.value = text;
    this.noteTarget = target;
    this.noteDirty = false;
  };

  MeetingView.prototype.queueNoteSave = function () {
    var self = this;
    this.noteDirty = true;
    if (this.noteTimer !== null) {
      window.clearTimeout(this.noteTimer);
    }
    this.noteTimer = window.setTimeout(function () {
      self.saveNote();
    }, NOTE_SAVE_DELAY_MS);
  };

  // Saves under the question the text was typed for, only when it changed.
  MeetingView.prototype.saveNote = function () {
    if (this.noteTimer !== null) {
      window.clearTimeout(this.noteTimer);
      this.noteTimer = null;
    }
    var store = this.store();
    var target = this.noteTarget;
    if (!this.noteDirty || !target || !store) {
      return;
    }
    var result;
    try {
      result = this.presenter && this.presenter.writeNote
        ? this.presenter.writeNote(target, this.note.value)
        : target.kind === "agreed"
          ? store.setAgreed(target.id, this.note.value, target.asked)
          : store.setGroupNote(target.id, this.note.value, target.asked);
    } catch (e) {
      result = { ok: false };
    }
    this.noteDirty = false;
    if (result && result.ok) {
      var said = store.available !== false ? t("meeting.note_saved") : t("meeting.note_unavailable");
      // Said once through the view's live region, as on the page (issue 26, F20).
      if (this.noteStatus.textContent !== said) this.announce(said);
      this.noteStatus.textContent = said;
    } else {
      this.noteStatus.textContent = t("meeting.note_not_saved");
      this.announce(t("meeting.note_not_saved"));
    }
  };

  // The group view (issue 16): where the page has a self-assessment, a link in the bar
  // opens the group page "Gruppens bild" with this module chosen, in a new tab, so the
  // meeting stays where it is. Everything else about it lives in self-assessment.js and
  // group-picture.js.
  function addGroupViewLink(tools, before) {
    var target = window.CourseSelfAssessment ? window.CourseSelfAssessment.groupPage() : "";
    if (!target) return;
    // Looks like the bar's buttons, underlined as a link (issue 26, F19).
    var link = make("a", "meeting__button meeting__group", t("meeting.group_picture"));
    link.href = target;
    link.target = "_blank";
    link.rel = "noopener";
    tools.insertBefore(link, before);
  }

  window.CourseMeeting = {
    open: function (block, returnTo) {
      if (!view) {
        view = new MeetingView();
      }
      if (!view.isOpen()) {
        view.open(block, returnTo);
      }
    },
    close: function () {
      if (view) {
        view.close();
      }
    },
    isOpen: function () {
      return !!(view && view.isOpen());
    },
    view: function () {
      return view;
    },
  };
})();

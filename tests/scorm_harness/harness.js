/*
 * The test harness's platform: window.API (SCORM 1.2) or window.API_1484_11
 * (SCORM 2004) from scorm-again, and the SCO's launch page in a frame, as a
 * learning platform opens it. Every call the SCO makes is logged in
 * window.lmsCalls as [function, arguments..., result].
 *
 *   launch(version, previous)  previous: the CMI data the platform kept from
 *                              an earlier session (scorm-again's JSON form)
 *   closeCourse()              unloads the SCO's frame, as a platform does on exit
 */
(function () {
  "use strict";
  var METHODS = {
    "1.2": ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"],
    "2004": ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError", "GetErrorString", "GetDiagnostic"],
  };
  window.lmsCalls = [];

  window.launch = function (version, previous, packagePath) {
    var api = version === "1.2" ? new window.Scorm12API({ logLevel: 5 }) : new window.Scorm2004API({ logLevel: 5 });
    if (previous) api.loadFromJSON(previous);
    METHODS[version].forEach(function (name) {
      var original = api[name].bind(api);
      api[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var result = original.apply(null, args);
        window.lmsCalls.push([name].concat(args, [result]));
        return result;
      };
    });
    if (version === "1.2") window.API = api;
    else window.API_1484_11 = api;
    var frame = document.createElement("iframe");
    frame.id = "sco";
    frame.title = "course";
    frame.style.width = "1300px";
    frame.style.height = "700px";
    frame.src = packagePath;
    document.body.appendChild(frame);
  };

  window.closeCourse = function () {
    document.getElementById("sco").src = "about:blank";
  };
})();

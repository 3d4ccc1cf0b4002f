// Keeps a poll page's bars current: reads /polls/<id>.json every few seconds and updates the counts in place. The
// page is complete without it. A change of state (closed, results shown) reloads the page.
(function () {
  "use strict";
  var main = document.querySelector("main.poll[data-poll]");
  if (!main) {
    return;
  }
  var id = main.getAttribute("data-poll");
  function update(data) {
    if (data.state !== main.getAttribute("data-state")) {
      window.location.reload();
      return;
    }
    data.rounds.forEach(function (round) {
      var section = main.querySelector('[data-round="' + round.poll + '"]');
      if (!section || !round.visible) {
        return;
      }
      round.options.forEach(function (o) {
        var bar = section.querySelector('progress[data-option="' + o.number + '"]');
        var count = section.querySelector('[data-count="' + o.number + '"]');
        if (bar) {
          bar.value = o.percent;
          bar.textContent = o.percent + "%";
        }
        if (count) {
          count.textContent = o.votes + " · " + o.percent + "%";
        }
      });
      var total = section.querySelector("[data-total]");
      if (total) {
        // a poll of several choices counts voters ({0}) and choices ({1}); one of one choice, votes ({0})
        var several = round.voters !== undefined;
        var format = !several && round.total === 1 ? total.getAttribute("data-format-one")
          : total.getAttribute("data-format");
        total.textContent = format.replace("{0}", several ? round.voters : round.total)
          .replace("{1}", round.total).replace("{2}", round.maxChoices);
      }
    });
  }
  function refresh() {
    fetch("/polls/" + id + ".json", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { update(data); } })
      .catch(function () { /* the next refresh tries again */ });
  }
  window.setInterval(refresh, 2000);
}());

/* numériQc participation page: /consultation/?id=<consultation id>&lang=fr|en
 *
 * Native controls only (radio buttons, check boxes, selects, text areas): each is reachable and
 * operable by keyboard alone and named by its <legend> or <label>. Loading, saved answers and votes
 * are announced through a polite live region; refusals through an error summary (role="alert")
 * whose links move focus to the faulty question, as the GOV.UK and Canada.ca design systems do.
 * The participant is a random secret kept in this browser (localStorage): sending answers again
 * replaces them, and the platform stores only a keyed hash of it.
 */
(function () {
  "use strict";

  var TEXTS = {
    fr: {
      loading: "Chargement de la consultation…", failed: "La consultation est introuvable.",
      send: "Envoyer mes réponses", sent: "Vos réponses sont enregistrées. Vous pouvez les modifier tant que la consultation est ouverte.",
      receipt: "Reçu de participation : ", errors: "Votre réponse n'a pas pu être enregistrée :",
      about: "À propos de vous (facultatif)", region: "Région administrative", age: "Groupe d'âge",
      none: "Je préfère ne pas répondre", rank: "Rang ", agree: "D'accord", disagree: "Pas d'accord",
      pass: "Passer", voted: "Vote enregistré : ", statements: "Énoncés", thanks: "Merci",
      closed: "Cette consultation n'accepte pas de réponses en ce moment.", other: "English",
      vote: "Votre vote sur cet énoncé", required: " (obligatoire)", choose: "Choisir…",
      between: "Choisissez de {min} à {max} options."
    },
    en: {
      loading: "Loading the consultation…", failed: "The consultation cannot be found.",
      send: "Send my answers", sent: "Your answers are saved. You can change them while the consultation is open.",
      receipt: "Participation receipt: ", errors: "Your answer could not be saved:",
      about: "About you (optional)", region: "Administrative region", age: "Age group",
      none: "I prefer not to say", rank: "Rank ", agree: "Agree", disagree: "Disagree",
      pass: "Pass", voted: "Vote saved: ", statements: "Statements", thanks: "Thank you",
      closed: "This consultation is not accepting answers right now.", other: "Français",
      vote: "Your vote on this statement", required: " (required)", choose: "Choose…",
      between: "Choose between {min} and {max} options."
    }
  };
  var REGIONS = ["01 Bas-Saint-Laurent", "02 Saguenay–Lac-Saint-Jean", "03 Capitale-Nationale", "04 Mauricie",
    "05 Estrie", "06 Montréal", "07 Outaouais", "08 Abitibi-Témiscamingue", "09 Côte-Nord", "10 Nord-du-Québec",
    "11 Gaspésie–Îles-de-la-Madeleine", "12 Chaudière-Appalaches", "13 Laval", "14 Lanaudière", "15 Laurentides",
    "16 Montérégie", "17 Centre-du-Québec"];
  var AGES = ["under-18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];

  var params = new URLSearchParams(window.location.search);
  var id = params.get("id") || "";
  var lang = params.get("lang") === "en" ? "en" : "fr";
  var t = TEXTS[lang];
  var api = document.documentElement.getAttribute("data-api") || "";
  var base = api + "/v1/public/consultations/" + encodeURIComponent(id);
  var questions = [];

  function $(selector) { return document.querySelector(selector); }
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function announce(message) { $("#status").textContent = message; }

  function participant() {
    var key = "numeriqc-participant-" + id;
    var secret = window.localStorage.getItem(key);
    if (!secret) {
      var bytes = new Uint8Array(24);
      window.crypto.getRandomValues(bytes);
      secret = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      window.localStorage.setItem(key, secret);
    }
    return secret;
  }

  function request(method, url, body) {
    var init = { method: method, headers: { "Accept-Language": lang } };
    if (body) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, body: json }; });
    });
  }

  function choice(question, option, type) {
    var inputId = "q-" + question.id + "-" + option.id;
    var row = el("div", { "class": "choice" });
    row.appendChild(el("input", { type: type, id: inputId, name: question.id, value: option.id }));
    row.appendChild(el("label", { "for": inputId }, option.label));
    return row;
  }

  function renderQuestion(question) {
    var wrapper;
    var required = question.required ? t.required : "";
    if (question.type === "short_text" || question.type === "long_text") {
      wrapper = el("div", { "class": "question-block", id: "block-" + question.id });
      wrapper.appendChild(el("label", { "for": "q-" + question.id, "class": "question" }, question.text + required));
      var tag = question.type === "long_text" ? "textarea" : "input";
      var input = el(tag, { id: "q-" + question.id, name: question.id });
      if (tag === "input") { input.setAttribute("type", "text"); input.setAttribute("maxlength", "200"); }
      wrapper.appendChild(input);
    } else {
      wrapper = el("fieldset", { id: "block-" + question.id });
      wrapper.appendChild(el("legend", {}, question.text + required));
      if (question.type === "single") {
        question.options.forEach(function (o) { wrapper.appendChild(choice(question, o, "radio")); });
      } else if (question.type === "multiple") {
        var low = question.min_choices || 1, high = question.max_choices || question.options.length;
        wrapper.appendChild(el("p", { "class": "hint", id: "hint-" + question.id },
          t.between.replace("{min}", low).replace("{max}", high)));
        wrapper.setAttribute("aria-describedby", "hint-" + question.id);
        question.options.forEach(function (o) { wrapper.appendChild(choice(question, o, "checkbox")); });
      } else if (question.type === "ranking") {
        var depth = question.top_n || question.options.length;
        for (var rank = 1; rank <= depth; rank += 1) {
          var selectId = "q-" + question.id + "-rank-" + rank;
          var row = el("div", { "class": "choice" });
          row.appendChild(el("label", { "for": selectId }, t.rank + rank));
          var select = el("select", { id: selectId, name: question.id });
          select.appendChild(el("option", { value: "" }, t.choose));
          question.options.forEach(function (o) { select.appendChild(el("option", { value: o.id }, o.label)); });
          row.appendChild(select);
          wrapper.appendChild(row);
        }
      } else if (question.type === "scale") {
        if (question.min_label || question.max_label) {
          wrapper.appendChild(el("p", { "class": "hint", id: "hint-" + question.id },
            question.scale_min + " : " + (question.min_label || "") + " — " + question.scale_max + " : " + (question.max_label || "")));
          wrapper.setAttribute("aria-describedby", "hint-" + question.id);
        }
        for (var value = question.scale_min; value <= question.scale_max; value += 1) {
          wrapper.appendChild(choice(question, { id: String(value), label: String(value) }, "radio"));
        }
      }
    }
    return wrapper;
  }

  function valueOf(question) {
    var form = $("#answers");
    if (question.type === "single") {
      var picked = form.querySelector("input[name='" + question.id + "']:checked");
      return picked ? picked.value : null;
    }
    if (question.type === "scale") {
      var scale = form.querySelector("input[name='" + question.id + "']:checked");
      return scale ? Number(scale.value) : null;
    }
    if (question.type === "multiple") {
      return Array.prototype.map.call(form.querySelectorAll("input[name='" + question.id + "']:checked"),
        function (box) { return box.value; });
    }
    if (question.type === "ranking") {
      return Array.prototype.map.call(form.querySelectorAll("select[name='" + question.id + "']"),
        function (select) { return select.value; }).filter(function (v) { return v; });
    }
    var text = $("#q-" + question.id);
    return text && text.value.trim() ? text.value : null;
  }

  function shown(question) {
    if (!question.show_if) { return true; }
    var parent = questions.filter(function (q) { return q.id === question.show_if.question; })[0];
    if (!parent || !shown(parent)) { return false; }
    var answer = valueOf(parent);
    var chosen = Array.isArray(answer) ? answer : [answer];
    return question.show_if.any_of.some(function (option) { return chosen.indexOf(option) >= 0; });
  }

  function applyConditions() {
    questions.forEach(function (question) {
      var block = $("#block-" + question.id);
      if (block) { block.hidden = !shown(question); }
    });
  }

  function about(form) {
    var fieldset = el("fieldset", {});
    fieldset.appendChild(el("legend", {}, t.about));
    [["region", t.region, REGIONS.map(function (r) { return [r.slice(0, 2), r]; })],
     ["age_band", t.age, AGES.map(function (a) { return [a, a]; })]].forEach(function (spec) {
      var row = el("div", { "class": "choice" });
      row.appendChild(el("label", { "for": "about-" + spec[0] }, spec[1]));
      var select = el("select", { id: "about-" + spec[0], name: spec[0] });
      select.appendChild(el("option", { value: "" }, t.none));
      spec[2].forEach(function (pair) { select.appendChild(el("option", { value: pair[0] }, pair[1])); });
      row.appendChild(select);
      fieldset.appendChild(row);
    });
    form.appendChild(fieldset);
  }

  function clearErrors() {
    var summary = $("#errors");
    summary.hidden = true;
    summary.textContent = "";
    Array.prototype.forEach.call(document.querySelectorAll(".field-error"), function (node) { node.remove(); });
    Array.prototype.forEach.call(document.querySelectorAll("[aria-invalid]"), function (node) {
      node.removeAttribute("aria-invalid");
    });
  }

  function showErrors(problem) {
    var summary = $("#errors");
    summary.appendChild(el("h2", {}, t.errors));
    var list = el("ul", {});
    (problem.errors || [{ field: "", detail: problem.detail || problem.title }]).forEach(function (error, index) {
      var qid = (error.field || "").replace(/^body\.answers\./, "");
      var block = $("#block-" + qid);
      var item = el("li", {});
      if (block) {
        var target = block.querySelector("input, select, textarea") || block;
        var link = el("a", { href: "#" + target.id }, error.detail);
        link.addEventListener("click", function (event) { event.preventDefault(); target.focus(); });
        item.appendChild(link);
        var note = el("p", { "class": "field-error", id: "error-" + index }, error.detail);
        block.insertBefore(note, block.children[1] || null);
        block.setAttribute("aria-describedby", ((block.getAttribute("aria-describedby") || "") + " error-" + index).trim());
        Array.prototype.forEach.call(block.querySelectorAll("input, select, textarea"), function (control) {
          control.setAttribute("aria-invalid", "true");
        });
      } else {
        item.textContent = error.detail;
      }
      list.appendChild(item);
    });
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  function submit(event) {
    event.preventDefault();
    clearErrors();
    var answers = {};
    questions.forEach(function (question) {
      if (question.type === "statements" || !shown(question)) { return; }
      var value = valueOf(question);
      if (value !== null && !(Array.isArray(value) && value.length === 0)) { answers[question.id] = value; }
    });
    var body = { participant: participant(), answers: answers };
    var region = $("#about-region").value, age = $("#about-age_band").value;
    if (region) { body.region = region; }
    if (age) { body.age_band = age; }
    request("PUT", base + "/answers", body).then(function (answer) {
      if (answer.status !== 200) { showErrors(answer.body); return; }
      $("#receipt").hidden = false;
      $("#receipt-text").textContent = t.sent + " " + t.receipt + answer.body.receipt_id;
      announce(t.sent);
      $("#receipt").focus();
    });
  }

  function renderStatements() {
    request("GET", base + "/statements").then(function (answer) {
      if (answer.status !== 200 || !answer.body.items.length) { return; }
      var list = $("#statement-list");
      answer.body.items.forEach(function (statement) {
        var item = el("li", {});
        var textId = "statement-" + statement.statement_id;
        item.appendChild(el("p", { id: textId }, statement.text));
        var group = el("div", { "class": "votes", role: "group", "aria-label": t.vote, "aria-describedby": textId });
        ["agree", "disagree", "pass"].forEach(function (vote) {
          var button = el("button", { type: "button", "class": "secondary", "aria-pressed": "false" }, t[vote]);
          button.addEventListener("click", function () {
            request("PUT", base + "/statements/" + statement.statement_id + "/vote",
              { participant: participant(), vote: vote }).then(function (result) {
              if (result.status !== 200) { announce(result.body.detail || result.body.title); return; }
              Array.prototype.forEach.call(group.querySelectorAll("button"), function (other) {
                other.setAttribute("aria-pressed", String(other === button));
              });
              announce(t.voted + t[vote]);
            });
          });
          group.appendChild(button);
        });
        item.appendChild(group);
        list.appendChild(item);
      });
      $("#statements").hidden = false;
    });
  }

  function start() {
    document.documentElement.lang = lang;
    var other = lang === "fr" ? "en" : "fr";
    var link = $("#switch-language");
    link.textContent = t.other;
    link.setAttribute("lang", other);
    link.setAttribute("hreflang", other);
    link.setAttribute("href", "?id=" + encodeURIComponent(id) + "&lang=" + other);
    $(".skip").textContent = lang === "fr" ? "Aller au contenu" : "Skip to content";
    $("#statements-title").textContent = t.statements;
    $("#receipt-title").textContent = t.thanks;
    announce(t.loading);
    request("GET", base).then(function (answer) {
      if (answer.status !== 200) { $("#title").textContent = t.failed; announce(t.failed); return; }
      var consultation = answer.body;
      document.title = consultation.title + " – numériQc";
      $("#title").textContent = consultation.title;
      $("#description").textContent = consultation.description || "";
      questions = consultation.questions;
      var form = $("#answers");
      questions.forEach(function (question) {
        if (question.type !== "statements") { form.appendChild(renderQuestion(question)); }
      });
      about(form);
      form.appendChild(el("button", { type: "submit" }, t.send));
      form.addEventListener("change", applyConditions);
      form.addEventListener("submit", submit);
      applyConditions();
      form.hidden = consultation.status !== "open";
      announce(consultation.status === "open" ? consultation.title : t.closed);
      if (questions.some(function (q) { return q.type === "statements"; })) { renderStatements(); }
    });
  }

  start();
}());

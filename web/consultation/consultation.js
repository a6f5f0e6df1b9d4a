/* numériQc participation page: /consultation/?id=<consultation id>&lang=fr|en
 *
 * Native controls only (radio buttons, check boxes, selects, text areas): each is reachable and
 * operable by keyboard alone and named by its <legend> or <label>. Loading, saved answers and votes
 * are announced through a polite live region; refusals through an error summary (role="alert")
 * whose links move focus to the faulty question, as the GOV.UK and Canada.ca design systems do.
 * The participant is a random secret kept in this browser (localStorage): sending answers again
 * replaces them, and the platform stores only a keyed hash of it.
 *
 * Eligibility: an `sms` consultation first asks for a phone number (POST …/verifications sends a
 * 6-digit code by SMS), then for the code, which goes with the first answer (`phone_number`,
 * `sms_code`): the API checks it in the ballot's own transaction, so there is no separate "check the
 * code" call that could pass and then fail. An `invitation` consultation asks for the invitation
 * code the same way. Once an answer is saved this browser is a known participant and asks no more.
 * Every refusal (bad number, wrong code with its tries left, expired code, too many tries, a number
 * that already took part, too many codes or requests) lands in the same error summary: role="alert",
 * focus moved to it, a heading and text (never colour alone), in the page's language.
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
      between: "Choisissez de {min} à {max} options.",
      verifyTitle: "Vérification par texto",
      verifyIntro: "Une seule participation par numéro de téléphone : entrez votre numéro de cellulaire, " +
        "vous recevrez un code à 6 chiffres par texto. Votre numéro n'est jamais relié à vos réponses.",
      phone: "Numéro de téléphone cellulaire", phoneHint: "Par exemple 514 234 5678.",
      sendCode: "Recevoir un code", resendCode: "Recevoir un nouveau code",
      codeSent: "Un code à 6 chiffres vous a été envoyé par texto. Il est valide 10 minutes. " +
        "Entrez-le avant de répondre.",
      code: "Code à 6 chiffres reçu par texto", codeHint: "Le code est vérifié à l'envoi de vos réponses.",
      invitation: "Code d'invitation", invitationHint: "Le code reçu avec votre invitation.",
      codeErrors: "Le code n'a pas pu être envoyé :", network: "Le service ne répond pas. Réessayez dans un moment."
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
      between: "Choose between {min} and {max} options.",
      verifyTitle: "Verification by SMS",
      verifyIntro: "One participation per phone number: enter your mobile number and you will receive " +
        "a 6-digit code by SMS. Your number is never linked to your answers.",
      phone: "Mobile phone number", phoneHint: "For example 514 234 5678.",
      sendCode: "Get a code", resendCode: "Get a new code",
      codeSent: "A 6-digit code was sent to you by SMS. It is valid for 10 minutes. Enter it before answering.",
      code: "6-digit code received by SMS", codeHint: "The code is checked when you send your answers.",
      invitation: "Invitation code", invitationHint: "The code you received with your invitation.",
      codeErrors: "The code could not be sent:", network: "The service is not answering. Try again in a moment."
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
  var eligibility = "open";
  // Where a refusal's field is shown: the blocks outside the questions ("_" starts no question id).
  var FIELD_BLOCKS = { "body.phone_number": "_phone", "body.sms_code": "_code", "body.invitation_code": "_invitation" };

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
    }).catch(function () { return { status: 0, body: { detail: t.network } }; });
  }

  // A participant whose answer was saved is known by their secret: no code is asked again.
  function answeredKey() { return "numeriqc-answered-" + id; }
  function needsCode() { return eligibility !== "open" && !window.localStorage.getItem(answeredKey()); }

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
    Array.prototype.forEach.call(document.querySelectorAll("[aria-describedby*='error-']"), function (node) {
      var kept = node.getAttribute("aria-describedby").split(" ").filter(function (ref) { return ref.indexOf("error-") !== 0; });
      if (kept.length) { node.setAttribute("aria-describedby", kept.join(" ")); } else { node.removeAttribute("aria-describedby"); }
    });
  }

  function showErrors(problem, heading) {
    var summary = $("#errors");
    summary.appendChild(el("h2", {}, heading || t.errors));
    var list = el("ul", {});
    (problem.errors || [{ field: "", detail: problem.detail || problem.title }]).forEach(function (error, index) {
      var qid = FIELD_BLOCKS[error.field] || (error.field || "").replace(/^body\.answers\./, "");
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
        if (block.tagName !== "FIELDSET") { // a lone field: its message is read with it
          target.setAttribute("aria-describedby", ((target.getAttribute("aria-describedby") || "") + " error-" + index).trim());
        }
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
    // Left out when empty, so the service's own "enter the code" refusal names the field.
    var given = function (selector) { return $(selector) ? $(selector).value.trim() : ""; };
    if (needsCode() && eligibility === "sms") {
      if (given("#phone")) { body.phone_number = given("#phone"); }
      if (given("#sms-code")) { body.sms_code = given("#sms-code"); }
    } else if (needsCode() && eligibility === "invitation" && given("#invitation-code")) {
      body.invitation_code = given("#invitation-code");
    }
    request("PUT", base + "/answers", body).then(function (answer) {
      if (answer.status !== 200) { showErrors(answer.body); return; }
      if (needsCode()) {
        window.localStorage.setItem(answeredKey(), "1");
        if ($("#verify")) { $("#verify").remove(); }
        ["#block-_code", "#block-_invitation"].forEach(function (selector) {
          var block = $(selector);
          if (block) { block.remove(); }
        });
      }
      $("#receipt").hidden = false;
      $("#receipt-text").textContent = t.sent + " " + t.receipt + answer.body.receipt_id;
      announce(t.sent);
      $("#receipt").focus();
    });
  }

  // A code block at the top of the answers form: the SMS code or the invitation code.
  function codeBlock(name, inputId, label, hint) {
    var block = el("div", { "class": "question-block", id: "block-" + name });
    block.appendChild(el("label", { "for": inputId, "class": "question" }, label));
    block.appendChild(el("p", { "class": "hint", id: "hint-" + name }, hint));
    var input = el("input", { type: "text", id: inputId, autocomplete: "one-time-code", "aria-describedby": "hint-" + name });
    if (name === "_code") { input.setAttribute("inputmode", "numeric"); input.setAttribute("maxlength", "6"); }
    block.appendChild(input);
    return block;
  }

  function sendCode(event) {
    event.preventDefault();
    clearErrors();
    var body = { phone_number: $("#phone").value.trim(), language: lang };
    request("POST", base + "/verifications", body).then(function (answer) {
      if (answer.status !== 202) { showErrors(answer.body, t.codeErrors); return; }
      $("#send-code").textContent = t.resendCode;
      $("#answers").hidden = false;
      announce(t.codeSent);
      $("#sms-code").value = "";
      $("#sms-code").focus();
    });
  }

  // The number's own form, before the answers: its field, a hint and the button asking for a code.
  function phoneStep(form) {
    var section = el("section", { id: "verify", "aria-labelledby": "verify-title" });
    section.appendChild(el("h2", { id: "verify-title" }, t.verifyTitle));
    section.appendChild(el("p", { id: "verify-intro" }, t.verifyIntro));
    var phoneForm = el("form", { id: "phone-form", novalidate: "" });
    var block = el("div", { "class": "question-block", id: "block-_phone" });
    block.appendChild(el("label", { "class": "question", "for": "phone" }, t.phone));
    block.appendChild(el("p", { "class": "hint", id: "hint-_phone" }, t.phoneHint));
    block.appendChild(el("input", {
      type: "tel", id: "phone", name: "phone_number", autocomplete: "tel", "aria-describedby": "hint-_phone"
    }));
    phoneForm.appendChild(block);
    phoneForm.appendChild(el("button", { type: "submit", id: "send-code" }, t.sendCode));
    phoneForm.addEventListener("submit", sendCode);
    section.appendChild(phoneForm);
    form.parentNode.insertBefore(section, form);
  }

  function askForCode(form) {
    if (eligibility === "sms") {
      phoneStep(form);
      form.insertBefore(codeBlock("_code", "sms-code", t.code, t.codeHint), form.firstChild);
      form.hidden = true; // until a code was sent
    } else {
      form.insertBefore(codeBlock("_invitation", "invitation-code", t.invitation, t.invitationHint), form.firstChild);
    }
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
      eligibility = consultation.eligibility || "open";
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
      if (consultation.status === "open" && needsCode()) { askForCode(form); }
      announce(consultation.status === "open" ? consultation.title : t.closed);
      if (questions.some(function (q) { return q.type === "statements"; })) { renderStatements(); }
    });
  }

  start();
}());

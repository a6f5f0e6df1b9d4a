/* numériQc feedback widget: plain JavaScript, no dependency, French and English.
 * Every control has a visible label; ratings and drivers are native radio buttons (keyboard: Tab,
 * arrows, Space); errors are tied to their field (aria-describedby, aria-invalid), say "Erreur :" /
 * "Error:" in words (never colour alone) and take the focus, so a keyboard or screen reader user lands
 * on what went wrong; the honeypot field is hidden from people and from assistive technology. */
(function () {
  "use strict";
  var TEXT = {
    fr: {
      title: "Votre avis sur ce service", rating: "Dans l'ensemble, êtes-vous satisfait de ce service?",
      scale: ["Très insatisfait", "Insatisfait", "Ni l'un ni l'autre", "Satisfait", "Très satisfait"],
      drivers: "Qu'est-ce qui a bien ou mal fonctionné? (facultatif)", positive: "Bien", negative: "Mal",
      names: { trust: "Confiance", effectiveness: "Efficacité (j'ai obtenu ce que je voulais)", ease: "Facilité",
        efficiency: "Rapidité", transparency: "Transparence", employee_helpfulness: "Aide du personnel" },
      comment: "Commentaire (facultatif, 2 000 caractères au plus)",
      commentHint: "N'inscrivez pas de renseignements personnels : ils seraient retirés automatiquement.",
      contact: "J'accepte qu'on me joigne au sujet de mon avis", email: "Courriel", phone: "Téléphone",
      send: "Envoyer", sending: "Envoi…", thanks: "Merci! Votre avis a été reçu. Numéro de reçu : ",
      removed: "Des renseignements personnels ont été retirés de votre commentaire.",
      chooseRating: "Choisissez une note de 1 à 5.", tooMany: "Trop d'envois. Réessayez dans une minute.",
      failed: "L'envoi n'a pas fonctionné. Réessayez plus tard.", trap: "Ne pas remplir ce champ",
      error: "Erreur : "
    },
    en: {
      title: "Your feedback on this service", rating: "Overall, how satisfied are you with this service?",
      scale: ["Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied"],
      drivers: "What went well or badly? (optional)", positive: "Well", negative: "Badly",
      names: { trust: "Trust", effectiveness: "Effectiveness (I got what I needed)", ease: "Ease",
        efficiency: "Speed", transparency: "Transparency", employee_helpfulness: "Staff helpfulness" },
      comment: "Comment (optional, at most 2,000 characters)",
      commentHint: "Do not write personal information: it would be removed automatically.",
      contact: "I agree to be contacted about my feedback", email: "Email", phone: "Phone",
      send: "Send", sending: "Sending…", thanks: "Thank you! Your feedback was received. Receipt number: ",
      removed: "Personal information was removed from your comment.",
      chooseRating: "Choose a rating from 1 to 5.", tooMany: "Too many submissions. Try again in a minute.",
      failed: "Sending did not work. Please try again later.", trap: "Do not fill in this field",
      error: "Error: "
    }
  };
  var DRIVERS = ["trust", "effectiveness", "ease", "efficiency", "transparency", "employee_helpfulness"];
  var count = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function build(host) {
    var id = "nqc-fb-" + (++count);
    var lang = (host.getAttribute("data-lang") || document.documentElement.lang || "fr").slice(0, 2) === "en" ? "en" : "fr";
    var t = TEXT[lang];
    var status = el("p", { "class": "nqc-status", role: "status", "aria-live": "polite", id: id + "-status" });
    var ratings = el("div", { "class": "nqc-ratings" });
    t.scale.forEach(function (label, index) {
      var inputId = id + "-r" + (index + 1);
      ratings.appendChild(el("label", { "for": inputId }, [
        el("input", { type: "radio", name: id + "-rating", id: inputId, value: String(index + 1), required: "" }),
        el("span", { text: (index + 1) + " – " + label })
      ]));
    });
    var ratingError = el("p", { "class": "nqc-error", id: id + "-rating-error" });
    // The server's refusals: an alert with the word "Error", focused when it appears (the submit
    // button is disabled while sending, so the focus would otherwise fall to the page's body).
    var failure = el("p", { "class": "nqc-error", role: "alert", tabindex: "-1", id: id + "-error" });
    var ratingSet = el("fieldset", { "aria-describedby": id + "-rating-error" }, [el("legend", { text: t.rating }), ratings, ratingError]);
    var drivers = el("div", { "class": "nqc-drivers" });
    DRIVERS.forEach(function (driver) {
      var group = id + "-" + driver;
      var row = el("fieldset", { "class": "nqc-driver", style: "display:contents" }, [el("legend", { "class": "nqc-visually-hidden", text: t.names[driver] })]);
      drivers.appendChild(el("span", { "aria-hidden": "true", text: t.names[driver] }));
      ["positive", "negative"].forEach(function (sentiment) {
        var inputId = group + "-" + sentiment;
        row.appendChild(el("label", { "for": inputId }, [
          el("input", { type: "radio", name: group, id: inputId, value: sentiment }),
          el("span", { text: " " + t[sentiment] })
        ]));
      });
      drivers.appendChild(row);
    });
    var comment = el("textarea", { id: id + "-comment", rows: "4", maxlength: "2000", "aria-describedby": id + "-comment-hint" });
    var email = el("input", { type: "email", id: id + "-email", autocomplete: "email" });
    var phone = el("input", { type: "tel", id: id + "-phone", autocomplete: "tel" });
    var consent = el("input", { type: "checkbox", id: id + "-consent" });
    var contact = el("div", { hidden: "" }, [
      el("label", { "for": id + "-email", text: t.email }), email,
      el("label", { "for": id + "-phone", text: t.phone }), phone
    ]);
    consent.addEventListener("change", function () { contact.hidden = !consent.checked; });
    var trap = el("input", { type: "text", id: id + "-website", name: "website", tabindex: "-1", autocomplete: "off" });
    var button = el("button", { type: "submit", text: t.send });
    var form = el("form", { "class": "nqc-fb", lang: lang, "aria-labelledby": id + "-title", novalidate: "" }, [
      el("h2", { id: id + "-title", text: t.title }),
      ratingSet,
      el("fieldset", {}, [el("legend", { text: t.drivers }), drivers]),
      el("label", { "for": id + "-comment", text: t.comment }), comment,
      el("p", { "class": "nqc-hint", id: id + "-comment-hint", text: t.commentHint }),
      el("p", {}, [consent, el("label", { "for": id + "-consent", text: " " + t.contact })]),
      contact,
      el("div", { "class": "nqc-trap", "aria-hidden": "true" }, [el("label", { "for": id + "-website", text: t.trap }), trap]),
      button, failure, status
    ]);

    function showError(target, text) {
      target.replaceChildren(el("span", { "aria-hidden": "true", text: "⚠ " }), el("strong", { text: t.error }), document.createTextNode(text));
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name='" + id + "-rating']:checked");
      ratingError.textContent = "";
      failure.textContent = "";
      ratingSet.removeAttribute("aria-invalid");
      if (!chosen) {
        showError(ratingError, t.chooseRating);
        ratingSet.setAttribute("aria-invalid", "true");
        form.querySelector("input[name='" + id + "-rating']").focus();
        return;
      }
      var body = { service_id: host.getAttribute("data-service"), rating: Number(chosen.value), language: lang,
        channel: "web", page_url: location.origin + location.pathname, drivers: {} };
      DRIVERS.forEach(function (driver) {
        var picked = form.querySelector("input[name='" + id + "-" + driver + "']:checked");
        if (picked) { body.drivers[driver] = picked.value; }
      });
      if (comment.value.trim()) { body.comment = comment.value.trim(); }
      if (consent.checked) {
        body.contact = { consent: true };
        if (email.value.trim()) { body.contact.email = email.value.trim(); }
        if (phone.value.trim()) { body.contact.phone = phone.value.trim(); }
      }
      if (trap.value) { body.website = trap.value; }
      button.disabled = true;
      button.textContent = t.sending;
      fetch((host.getAttribute("data-api") || "") + "/v1/feedback", {
        method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": lang }, body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      }).then(function (answer) {
        if (answer.status === 201) {
          form.replaceChildren(el("h2", { id: id + "-title", text: t.title }), status);
          status.textContent = t.thanks + answer.data.receipt_id + (answer.data.removed.length ? " " + t.removed : "");
          status.setAttribute("tabindex", "-1");
          status.focus();
          return;
        }
        var errors = (answer.data.errors || []).map(function (error) { return error.detail; });
        showError(failure, answer.status === 429 ? t.tooMany : (errors.join(" ") || answer.data.detail || t.failed));
      }).catch(function () { showError(failure, t.failed); }).then(function () {
        button.disabled = false;
        button.textContent = t.send;
        if (failure.textContent) { failure.focus(); }
      });
    });
    host.replaceChildren(form);
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll(".numeriqc-feedback"), build); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

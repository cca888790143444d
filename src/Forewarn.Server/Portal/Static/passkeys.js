// Forewarn portal: passkeys (WebAuthn). Loaded only by the pages that offer them. The server
// makes the options and checks the answer; this only hands them between the server and the
// browser's authenticator, with the browser's own JSON helpers, and then posts the answer in
// the page's ordinary form (with its anti-forgery token).
(() => {
  "use strict";
  const supported = typeof window.PublicKeyCredential === "function"
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

  for (const form of document.querySelectorAll("form[data-passkey]")) {
    const status = form.querySelector("[data-passkey-status]");
    const say = (text) => { if (status) status.textContent = text; };
    if (!supported) {
      say("This browser cannot use passkeys.");
      continue;
    }
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say("Waiting for your passkey…");
      try {
        const answer = await fetch(form.dataset.passkeyOptions, { method: "POST", body: new FormData(form), credentials: "same-origin" });
        if (!answer.ok) {
          say(answer.status === 400 ? await answer.text() : "The server could not start the passkey step (" + answer.status + "). Reload the page and try again.");
          return;
        }
        const options = await answer.json();
        const credential = form.dataset.passkey === "create"
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.querySelector("input[data-passkey-credential]").value = JSON.stringify(credential.toJSON());
        form.submit(); // does not fire "submit" again
      } catch (error) {
        say(error && error.name === "NotAllowedError"
          ? "No passkey was used (cancelled, or it timed out)."
          : "The passkey could not be used: " + (error && error.message ? error.message : error));
      }
    });
  }
})();

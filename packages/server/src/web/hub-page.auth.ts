// The hub page's sign-in, as script text for the browser (plain ES2020, no build step). It expects
// `el`, `byId`, `setStatus` and `loadHub` from the page script it is part of (hub-page.assets.ts).
//
// The session lives in an HttpOnly cookie the script never sees; the CSRF token the sign-in returns
// is kept in a variable (and, after a reload, read from the clew_csrf cookie), and sent as x-csrf-token on every POST.
import { ROLES_REQUIRING_TOTP } from '@clew/core';

/** The endpoints the page signs in with (the server's auth routes). */
export const HUB_PAGE_AUTH_URLS = {
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  me: '/api/auth/me',
  password: '/api/auth/password',
  totp: '/api/auth/totp',
  totpConfirm: '/api/auth/totp/confirm',
} as const;

const U = HUB_PAGE_AUTH_URLS;

/** Sign-in, first-time setup (new password, second factor), the signed-in user's bar and sign-out. */
export const HUB_PAGE_AUTH_SCRIPT = `
  var TOTP_ROLES = ${JSON.stringify(ROLES_REQUIRING_TOTP)};
  var csrf = null;
  var me = null;
  var agencyNames = {};
  var authBox = byId('auth');
  var sessionBar = byId('session');

  // After a reload the token is gone from memory: the readable clew_csrf cookie still holds it.
  function csrfCookie() {
    var jar = typeof document.cookie === 'string' ? document.cookie : '';
    var m = /(?:^|;\\s*)clew_csrf=([^;]*)/.exec(jar);
    return m ? decodeURIComponent(m[1]) : null;
  }

  function api(method, url, body) {
    var headers = { accept: 'application/json' };
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) { headers['content-type'] = 'application/json'; init.body = JSON.stringify(body); }
    var token = csrf || csrfCookie();
    if (method !== 'GET' && token) headers['x-csrf-token'] = token;
    return fetch(url, init).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (b) {
        if (!res.ok) {
          var e = new Error((b && b.error && b.error.message) || res.statusText);
          e.status = res.status;
          throw e;
        }
        return b;
      });
    });
  }

  function needsTotp(user) {
    return !user.totpEnrolled && user.roles.some(function (r) { return TOTP_ROLES.indexOf(r) >= 0; });
  }

  function drawSession() {
    if (!me) { sessionBar.replaceChildren(); sessionBar.hidden = true; return; }
    var button = el('button', { type: 'button', class: 'sign-out', text: 'Sign out' });
    button.addEventListener('click', signOut);
    var agency = agencyNames[me.agency] || me.agency;
    sessionBar.replaceChildren(
      el('span', { text: 'Signed in as ' + me.displayName + ' (' + me.username + ') · ' + agency }), button);
    sessionBar.hidden = false;
  }

  // A form in the sign-in box; onSubmit gets the fields' values and returns a promise.
  function authForm(title, intro, extra, fields, submitLabel, onSubmit) {
    var error = el('p', { class: 'form-error', role: 'alert' });
    var button = el('button', { type: 'submit', text: submitLabel });
    var inputs = {};
    var rows = fields.map(function (f) {
      var input = el('input', Object.assign({ id: 'auth-' + f.name, name: f.name, type: f.type || 'text', autocomplete: f.autocomplete }, f.attrs || {}));
      inputs[f.name] = input;
      return el('p', { class: 'field' }, [el('label', { for: 'auth-' + f.name, text: f.label }), input]);
    });
    var form = el('form', { class: 'auth-form', 'aria-labelledby': 'auth-title' },
      [el('h2', { id: 'auth-title', text: title }), el('p', { class: 'intro', text: intro })].concat(extra, rows, [error, button]));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var values = {};
      Object.keys(inputs).forEach(function (k) { values[k] = inputs[k].value; });
      error.textContent = '';
      button.disabled = true;
      Promise.resolve().then(function () { return onSubmit(values); }).catch(function (e) {
        error.textContent = e.message;
      }).then(function () { button.disabled = false; });
    });
    byId('hub').hidden = true;
    setStatus('');
    authBox.replaceChildren(form);
    authBox.hidden = false;
    if (rows.length > 0) inputs[fields[0].name].focus();
  }

  var CODE_FIELD = { name: 'code', label: '6-digit code from your authenticator app', autocomplete: 'one-time-code',
    attrs: { inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: '6' } };

  function codeOf(v) { return v.replace(/\\s+/g, ''); }

  function showSignIn(message) {
    csrf = null;
    me = null;
    drawSession();
    var code = Object.assign({}, CODE_FIELD, { label: 'Code from your authenticator app (once you have set one up)' });
    authForm('Sign in', message || 'Sign in with the account your administrator gave you.', [], [
      { name: 'username', label: 'Username', autocomplete: 'username', attrs: { required: '' } },
      { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', attrs: { required: '' } },
      code,
    ], 'Sign in', function (v) {
      var body = { username: v.username.trim(), password: v.password };
      if (codeOf(v.code)) body.code = codeOf(v.code);
      return api('POST', '${U.signIn}', body).then(function (r) { csrf = r.csrf; return signedIn(r.user, v.password); });
    });
  }

  function signedIn(user, password) {
    me = user;
    drawSession();
    if (user.mustChangePassword) return showChangePassword(password);
    if (needsTotp(user)) return showTotp();
    authBox.replaceChildren();
    authBox.hidden = true;
    return loadHub();
  }

  // current: the one-time password just typed at sign-in; asked for when the page did not see it.
  function showChangePassword(current) {
    var fields = [
      { name: 'next', label: 'New password', type: 'password', autocomplete: 'new-password', attrs: { required: '' } },
      { name: 'again', label: 'New password again', type: 'password', autocomplete: 'new-password', attrs: { required: '' } },
    ];
    if (current === undefined)
      fields.unshift({ name: 'current', label: 'One-time password', type: 'password', autocomplete: 'current-password', attrs: { required: '' } });
    authForm('Choose a new password', 'Your password was issued by an administrator: choose your own before you go on.', [], fields,
      'Change password', function (v) {
        if (v.next !== v.again) throw new Error('The two new passwords differ.');
        var username = me.username, enrolled = me.totpEnrolled;
        return api('POST', '${U.password}', { current: current === undefined ? v.current : current, next: v.next }).then(function () {
          // Changing the password ends every session, this one too: sign in again with the new one.
          csrf = null;
          if (enrolled) return showSignIn('Password changed. Sign in with your new password and code.');
          return api('POST', '${U.signIn}', { username: username, password: v.next }).then(function (r) {
            csrf = r.csrf;
            return signedIn(r.user);
          });
        });
      });
  }

  function showTotp() {
    return api('POST', '${U.totp}').then(function (t) {
      var key = t.secret.replace(/(.{4})/g, '$1 ').trim();
      authForm('Set up a second factor',
        'Administrators sign in with a code from an authenticator app. Add this account to the app, by its link or by typing the key, then enter the code the app shows.',
        [el('p', { class: 'totp' }, [document.createTextNode('Key: '), el('code', { class: 'totp-secret', text: key })]),
          el('p', { class: 'totp' }, [el('a', { class: 'totp-uri', href: t.uri, text: t.uri })])],
        [Object.assign({}, CODE_FIELD, { attrs: Object.assign({ required: '' }, CODE_FIELD.attrs) })], 'Confirm', function (v) {
          return api('POST', '${U.totpConfirm}', { secret: t.secret, code: codeOf(v.code) }).then(function () {
            me.totpEnrolled = true;
            return signedIn(me);
          });
        });
    });
  }

  function signOut() {
    api('POST', '${U.signOut}').then(function () {
      byId('summary').replaceChildren();
      byId('agencies').replaceChildren();
      showSignIn('Signed out.');
    }).catch(function (e) { setStatus('Could not sign out: ' + e.message, true); });
  }

  // A data route refused: nobody signed in (401), or a user who has not finished setting up (403).
  function refused(e) {
    if (e.status === 401) return showSignIn();
    if (e.status !== 403) throw e;
    return api('GET', '${U.me}').then(function (user) {
      me = user;
      drawSession();
      if (user.mustChangePassword) return showChangePassword(undefined);
      if (needsTotp(user)) return showTotp();
      byId('hub').hidden = true;
      setStatus('Signed in. Your roles do not include reading data: administrators manage users and sharing, auditors read the audit log.');
    }, function () { throw e; });
  }

  // Who is signed in, for the bar at the top, when the page arrived with a session already.
  function whoAmI(agencies) {
    agencies.forEach(function (a) { agencyNames[a.id] = a.name; });
    if (me) return drawSession();
    api('GET', '${U.me}').then(function (user) { me = user; drawSession(); }, function () { return null; });
  }
`;

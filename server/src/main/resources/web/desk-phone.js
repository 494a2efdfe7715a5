// The desktop as the agent's phone: a SIP account of its own (agent-<id>-web) registered over
// Asterisk's secure WebSocket with JsSIP (web/vendor, pinned), DTLS-SRTP media. The agent chooses
// it or their SIP phone; while it is registered, the hotline rings it instead of the SIP phone.
// Microphone chosen and tested here; answer, mute, hold, keys, transfer and hang-up from the page.
import { api } from './api.js';
import { $, el, replace } from './dom.js';
import { onLanguageChange, t, translate } from './i18n.js';

const CHOICE = 'hotline.phone.';
const MICROPHONE = 'hotline.microphone';
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
/** What counts as hearing the other side in the WebAudio analyser (0..1 of full scale). */
const HEARD = 0.01;

export function deskPhone(agent) {
  const panel = $('#phone-panel');
  panel.hidden = false;
  const audio = el('audio', { id: 'phone-audio', autoplay: true });
  const status = el('span', { id: 'phone-status', className: 'state' });
  const mic = el('select', { id: 'phone-mic', attrs: { 'aria-label': 'microphone' } });
  const level = el('meter', { id: 'phone-level', min: 0, max: 1, value: 0 });
  const buttons = {};
  const button = (id, label, action) => {
    buttons[id] = el('button', { id: `phone-${id}`, type: 'button', dataset: label, on: { click: action } });
    return buttons[id];
  };
  const transferTo = el('input', { id: 'phone-transfer-to', size: 8, attrs: { inputmode: 'numeric' } });
  const choices = ['sip', 'browser'].map((value) => el('label', {},
    el('input', { type: 'radio', name: 'phone-choice', id: `phone-choice-${value}`, value, on: { change: () => choose(value) } }),
    ' ', el('span', { dataset: value === 'sip' ? { i18n: 'phone.sip' } : { i18n: 'phone.browser' } })));
  const browserOnly = el('div', { id: 'phone-browser', hidden: true },
    el('p', {}, el('label', {}, el('span', { dataset: { i18n: 'phone.microphone' } }), ' ', mic), ' ', level, ' ',
      button('test', { i18n: 'phone.test' }, testMicrophone)),
    el('div', { className: 'controls' }, button('answer', { i18n: 'phone.answer' }, answer),
      button('mute', { i18n: 'phone.mute' }, toggleMute), button('hold', { i18n: 'phone.hold' }, toggleHold),
      button('hangup', { i18n: 'phone.hangUp' }, hangUp)),
    el('div', { id: 'phone-keys', className: 'controls' },
      KEYS.map((key) => el('button', { type: 'button', dataset: { key }, text: key, on: { click: () => sendKey(key) } }))),
    el('div', { className: 'controls' }, transferTo, button('transfer', { i18n: 'phone.transfer' }, transfer)),
    audio);
  replace(panel, el('h2', { dataset: { i18n: 'phone.title' } }), el('div', { className: 'controls' }, choices),
    el('p', {}, status), browserOnly);

  let ua = null;
  let session = null;
  let account = null; // the browser phone's account and settings, from the server
  let host = null; // Asterisk's host, as the WebSocket reaches it
  let state = 'off'; // off | connecting | registered | failed | ringing | talking | held
  let muted = false;
  let held = false;
  let meter = null; // the microphone test's {stream, context, timer}
  let listener = null; // the analyser on what the other side says
  let hearing = null; // its audio context, made on the answer click (browsers let sound start from a click)
  const figures = { answerToTwoWayMs: null, iceGatheringMs: null, heardLevel: 0, heardHz: 0 };
  // For the integration test and for support: the last call's figures and what the page hears now.
  window.hotlineDeskPhone = { figures, state: () => state };

  function draw() {
    translate(panel);
    status.textContent = t(`phone.state.${state}`);
    status.dataset.status = state;
    const inCall = state === 'talking' || state === 'held';
    buttons.answer.disabled = state !== 'ringing';
    buttons.hangup.disabled = state !== 'ringing' && !inCall;
    buttons.mute.disabled = !inCall;
    buttons.hold.disabled = !inCall;
    buttons.transfer.disabled = !inCall;
    buttons.mute.setAttribute('aria-pressed', String(muted));
    buttons.hold.setAttribute('aria-pressed', String(held));
    for (const key of panel.querySelectorAll('#phone-keys button')) key.disabled = !inCall;
  }
  onLanguageChange(draw);

  function set(now) {
    state = now;
    draw();
  }

  async function choose(value) {
    localStorage.setItem(CHOICE + agent, value);
    $(`#phone-choice-${value}`).checked = true;
    browserOnly.hidden = value !== 'browser';
    if (value === 'browser') {
      await listMicrophones();
      await register();
    } else {
      unregister();
    }
  }

  async function register() {
    if (ua) return;
    set('connecting');
    try {
      account = await api(`/api/agents/${encodeURIComponent(agent)}/browser-phone`);
    } catch {
      set('failed');
      return;
    }
    const url = account.webSocket || `wss://${location.hostname}:${account.webSocketPort}/ws`;
    host = new URL(url).hostname;
    ua = new JsSIP.UA({
      sockets: [new JsSIP.WebSocketInterface(url)],
      uri: `sip:${account.user}@${host}`,
      authorization_user: account.user,
      password: account.password,
      register: true,
      register_expires: 300,
      session_timers: false,
      user_agent: 'Hotline desktop',
    });
    ua.on('registered', () => state === 'connecting' || state === 'failed' ? set('registered') : null);
    ua.on('unregistered', () => ua && set('connecting'));
    ua.on('registrationFailed', () => set('failed'));
    ua.on('disconnected', () => state !== 'off' && !session && set('connecting'));
    ua.on('newRTCSession', ({ originator, session: offered }) => {
      if (originator !== 'remote') return;
      if (session) {
        offered.terminate({ status_code: 486 }); // one call at a time, as on a desk phone
        return;
      }
      ring(offered);
    });
    ua.start();
  }

  function unregister() {
    if (session) session.terminate();
    if (ua) {
      const stopping = ua;
      ua = null;
      stopping.stop(); // unregisters: the hotline rings the SIP phone again
    }
    set('off');
  }

  function ring(offered) {
    session = offered;
    muted = false;
    held = false;
    set('ringing');
    const ringer = ringTone();
    const ended = () => {
      ringer.stop();
      stopListening();
      session = null;
      muted = false;
      held = false;
      set(ua ? 'registered' : 'off');
    };
    offered.on('ended', ended);
    offered.on('failed', ended);
    offered.on('accepted', () => ringer.stop());
    offered.on('confirmed', () => set('talking'));
    offered.on('hold', ({ originator }) => {
      if (originator !== 'local') return;
      held = true;
      set('held');
    });
    offered.on('unhold', ({ originator }) => {
      if (originator !== 'local') return;
      held = false;
      set('talking');
    });
    offered.on('peerconnection', ({ peerconnection }) => followMedia(peerconnection));
  }

  function followMedia(pc) {
    let gatheringFrom = null;
    let iceTimer = null;
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'gathering') gatheringFrom = performance.now();
    });
    session.on('icecandidate', ({ ready }) => {
      // The browser would wait for every candidate (seconds, with STUN on a LAN); a few hundred ms is enough.
      if (iceTimer === null) iceTimer = setTimeout(ready, account.iceGatheringMillis);
    });
    session.on('sdp', ({ originator }) => {
      if (originator === 'local' && gatheringFrom !== null && figures.iceGatheringMs === null) {
        figures.iceGatheringMs = Math.round(performance.now() - gatheringFrom);
      }
    });
    pc.addEventListener('track', ({ streams }) => {
      audio.srcObject = streams[0];
      listen(streams[0]);
    });
  }

  async function answer() {
    if (!session || state !== 'ringing') return;
    const clicked = performance.now();
    hearing = new AudioContext();
    figures.answerToTwoWayMs = null;
    figures.iceGatheringMs = null;
    const device = mic.value ? { deviceId: { exact: mic.value } } : true;
    session.answer({
      mediaConstraints: { audio: device, video: false },
      pcConfig: { iceServers: account.iceServers.length ? [{ urls: account.iceServers }] : [], rtcpMuxPolicy: 'require' },
    });
    awaitTwoWay(clicked);
  }

  /** Two-way audio: the page hears the other side and its own packets go out on a connected DTLS transport. */
  function awaitTwoWay(clicked) {
    const answered = session;
    const poll = async () => {
      if (session !== answered || !answered.connection) return;
      let sending = false;
      (await answered.connection.getStats()).forEach((report) => {
        if (report.type === 'outbound-rtp' && report.kind === 'audio' && report.packetsSent > 0) sending = true;
      });
      if (sending && figures.heardLevel > HEARD) {
        figures.answerToTwoWayMs = Math.round(performance.now() - clicked);
        return;
      }
      setTimeout(poll, 10);
    };
    setTimeout(poll, 10);
  }

  /** A WebAudio analyser on the other side's audio: its level and loudest frequency. */
  function listen(stream) {
    stopListening();
    const context = hearing || new AudioContext();
    hearing = null;
    context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 4096;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const spectrum = new Float32Array(analyser.frequencyBinCount);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      figures.heardLevel = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
      analyser.getFloatFrequencyData(spectrum);
      let loudest = 0;
      for (let i = 1; i < spectrum.length; i++) if (spectrum[i] > spectrum[loudest]) loudest = i;
      figures.heardHz = Math.round((loudest * context.sampleRate) / analyser.fftSize);
    }, 20);
    listener = { context, timer };
  }

  function stopListening() {
    if (!listener) return;
    clearInterval(listener.timer);
    listener.context.close();
    listener = null;
    figures.heardLevel = 0;
    figures.heardHz = 0;
  }

  function toggleMute() {
    if (!session) return;
    muted = !muted;
    if (muted) session.mute({ audio: true });
    else session.unmute({ audio: true });
    draw();
  }

  function toggleHold() {
    if (!session) return;
    if (held) session.unhold();
    else session.hold();
  }

  function hangUp() {
    if (session) session.terminate();
  }

  function sendKey(key) {
    if (session && (state === 'talking' || state === 'held')) session.sendDTMF(key, { transportType: 'RFC2833' });
  }

  function transfer() {
    const target = transferTo.value.trim();
    if (!session || !/^[0-9*#]{1,20}$/.test(target)) return;
    const transferred = session;
    // The colleague has the caller (NOTIFY 200): this leg is done, as a desk phone hangs up after a blind transfer.
    transferred.refer(`sip:${target}@${host}`).on('accepted', () => !transferred.isEnded() && transferred.terminate());
  }

  async function listMicrophones() {
    try {
      // Device names are shown only once the page may use a microphone.
      const probe = await navigator.mediaDevices.getUserMedia({ audio: true });
      probe.getTracks().forEach((track) => track.stop());
      const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((device) => device.kind === 'audioinput');
      replace(mic, inputs.map((device, i) => el('option', { value: device.deviceId, text: device.label || `${t('phone.microphone')} ${i + 1}` })));
      const kept = localStorage.getItem(MICROPHONE);
      if (inputs.some((device) => device.deviceId === kept)) mic.value = kept;
    } catch {
      replace(mic, el('option', { value: '', text: t('phone.noMicrophone') }));
    }
  }
  mic.addEventListener('change', () => localStorage.setItem(MICROPHONE, mic.value));

  /** Five seconds of the chosen microphone on the level meter. */
  async function testMicrophone() {
    if (meter) return;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: mic.value ? { deviceId: { exact: mic.value } } : true });
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      level.value = Math.min(1, 4 * Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length));
    }, 50);
    meter = { stream, context, timer };
    setTimeout(() => {
      clearInterval(timer);
      stream.getTracks().forEach((track) => track.stop());
      context.close();
      meter = null;
    }, 5000);
  }

  draw();
  const chosen = localStorage.getItem(CHOICE + agent) || 'sip';
  $(`#phone-choice-${chosen}`).checked = true;
  if (chosen === 'browser') choose('browser');
  window.addEventListener('pagehide', () => ua && ua.stop());

  return {
    /** The screen pop came: the phone rings with it (the call itself comes over SIP). */
    offered: () => state === 'ringing' && panel.scrollIntoView({ block: 'nearest' }),
  };
}

/** A soft ring (two short beeps every three seconds) while the call is offered. */
function ringTone() {
  const context = new AudioContext();
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  const tone = context.createOscillator();
  tone.frequency.value = 440;
  tone.connect(gain);
  tone.start();
  const beep = () => {
    const now = context.currentTime;
    gain.gain.setValueAtTime(0.2, now);
    gain.gain.setValueAtTime(0, now + 0.4);
    gain.gain.setValueAtTime(0.2, now + 0.6);
    gain.gain.setValueAtTime(0, now + 1.0);
  };
  beep();
  const timer = setInterval(beep, 3000);
  let stopped = false;
  return {
    stop: () => {
      if (stopped) return; // answered, then ended: stopped once
      stopped = true;
      clearInterval(timer);
      context.close();
    },
  };
}

'use strict';
// The Slack emulator's page: polls /emulator/state, renders the selected channel's messages from Block Kit and
// sends what the user does (reactions, button clicks, slash commands) to /emulator/*, which passes it on to the
// app over Socket Mode.

const EMOJI = {
  white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', warning: '⚠️', scream: '😱', information_source: 'ℹ️',
  no_bell: '🔕', bell: '🔔', grey_question: '❔', question: '❓', eyes: '👀', mask: '😷', firecracker: '🧨',
  raising_hand: '🙋', cop: '👮', fire: '🔥', rotating_light: '🚨', '+1': '👍', thumbsup: '👍', '-1': '👎',
  thumbsdown: '👎', tada: '🎉', boom: '💥', bug: '🐛', hourglass: '⌛', hourglass_flowing_sand: '⏳',
  red_circle: '🔴', large_green_circle: '🟢', large_yellow_circle: '🟡', large_blue_circle: '🔵',
  white_circle: '⚪', black_circle: '⚫', green_heart: '💚', heart: '❤️', broken_heart: '💔', zap: '⚡',
  skull: '💀', ghost: '👻', robot_face: '🤖', wave: '👋', point_right: '👉', memo: '📝', link: '🔗',
  chart_with_upwards_trend: '📈', chart_with_downwards_trend: '📉', bar_chart: '📊', gear: '⚙️', wrench: '🔧',
  hammer_and_wrench: '🛠️', lock: '🔒', unlock: '🔓', key: '🔑', mag: '🔍', bulb: '💡', sos: '🆘',
  exclamation: '❗', heavy_exclamation_mark: '❗', bangbang: '‼️', ok: '🆗', new: '🆕', up: '🆙',
  arrow_up: '⬆️', arrow_down: '⬇️', arrow_right: '➡️', arrows_counterclockwise: '🔄', repeat: '🔁',
  rocket: '🚀', package: '📦', floppy_disk: '💾', computer: '💻', desktop_computer: '🖥️', cloud: '☁️',
  sunny: '☀️', snowflake: '❄️', ice_cube: '🧊', turtle: '🐢', rabbit: '🐇', snail: '🐌', stopwatch: '⏱️',
  alarm_clock: '⏰', calendar: '📅', email: '📧', envelope: '✉️', mailbox: '📫', speech_balloon: '💬',
  thinking_face: '🤔', smile: '😄', slightly_smiling_face: '🙂', sweat_smile: '😅', sob: '😭', rage: '😡',
  pray: '🙏', clap: '👏', muscle: '💪', ok_hand: '👌', raised_hands: '🙌', see_no_evil: '🙈', shushing_face: '🤫',
  zzz: '💤', sleeping: '😴', white_medium_square: '◻️', black_medium_square: '◼️', large_orange_diamond: '🔶',
  large_blue_diamond: '🔷', small_red_triangle: '🔺', small_red_triangle_down: '🔻', no_entry: '⛔',
  no_entry_sign: '🚫', construction: '🚧', traffic_light: '🚥', checkered_flag: '🏁', triangular_flag_on_post: '🚩',
  star: '⭐', sparkles: '✨', mega: '📣', loudspeaker: '📢', pushpin: '📌', paperclip: '📎', clipboard: '📋',
  page_facing_up: '📄', file_folder: '📁', card_index_dividers: '🗂️', wastebasket: '🗑️', hospital: '🏥',
  'female-detective': '🕵️‍♀️', 'male-detective': '🕵️‍♂️', sleuth_or_spy: '🕵️', ambulance: '🚑', fire_engine: '🚒', police_car: '🚓', moneybag: '💰', dollar: '💵', credit_card: '💳',
};

// The reactions slackmgr understands by default (issueReactions), and one it ignores.
const QUICK_REACTIONS = [
  ['white_check_mark', 'resolve'], ['eyes', 'investigate'], ['mask', 'mute'],
  ['information_source', 'show option buttons'], ['firecracker', 'terminate'], ['+1', 'no meaning to slackmgr'],
];

let state = null;
let lastJson = '';
let channelId = decodeURIComponent(location.hash.slice(1)) || null;
let userId = localStorage.getItem('slackmgr-emulator-user');
const dismissedNotices = new Set();
const dismissedViews = new Set();
let viewsSeen = null;

function esc(s) {
  return String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function emoji(name) {
  return EMOJI[name] || ':' + name + ':';
}

function emojify(html) {
  return html.replace(/:([a-z0-9_+'-]+):/g, (m, name) => EMOJI[name] ? '<span class="emoji" title=":' + name + ':">'
      + EMOJI[name] + '</span>' : m);
}

function userName(id) {
  const u = (state?.users || []).find(x => x.id === id);
  if (u) return u.name;
  if (id === state?.botUserId) return 'slackmgr';
  return id;
}

function channelName(id) {
  const c = (state?.channels || []).find(x => x.id === id);
  return c ? c.name : id;
}

// Slack mrkdwn → HTML: <links|labels>, <@users>, <#channels>, *bold*, _italic_, ~strike~, `code`, ```pre```, :emoji:
function mrkdwn(text) {
  const raw = String(text ?? '').replace(/&lt;/g, '\u0001').replace(/&gt;/g, '\u0002').replace(/&amp;/g, '&');
  let out = '';
  const parts = raw.split('```');
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      out += '<pre>' + esc(restore(part.replace(/^\n/, ''))) + '</pre>';
    } else {
      out += inline(part);
    }
  });
  return out;
}

function restore(s) {
  return s.replace(/\u0001/g, '<').replace(/\u0002/g, '>');
}

function inline(s) {
  let out = '';
  const re = /<([^<>]+)>|`([^`\n]+)`/g;
  let last = 0;
  let m;
  while ((m = re.exec(s))) {
    out += format(s.slice(last, m.index));
    out += m[1] !== undefined ? token(m[1]) : '<code>' + esc(restore(m[2])) + '</code>';
    last = re.lastIndex;
  }
  return out + format(s.slice(last));
}

function format(s) {
  let h = esc(restore(s));
  h = h.replace(/(^|[^\w*])\*([^*\n]+)\*(?![\w*])/g, '$1<b>$2</b>');
  h = h.replace(/(^|[^\w_])_([^_\n]+)_(?![\w_])/g, '$1<i>$2</i>');
  h = h.replace(/(^|[^\w~])~([^~\n]+)~(?![\w~])/g, '$1<s>$2</s>');
  return emojify(h).replace(/\n/g, '<br>');
}

function token(t) {
  const [target, label] = t.split('|', 2);
  if (target.startsWith('@')) return '<b>@' + esc(label || userName(target.slice(1))) + '</b>';
  if (target.startsWith('#')) return '<b>#' + esc(label || channelName(target.slice(1))) + '</b>';
  if (target.startsWith('!subteam^')) return '<b>@' + esc(label || target.slice(9)) + '</b>';
  if (target.startsWith('!date')) return esc(label || target);
  if (target.startsWith('!')) return '<b>@' + esc(target.slice(1)) + '</b>';
  return '<a href="' + esc(target) + '" target="_blank" rel="noopener">' + esc(label || target) + '</a>';
}

function textObject(t) {
  if (!t) return '';
  return t.type === 'mrkdwn' ? mrkdwn(t.text) : emojify(esc(t.text)).replace(/\n/g, '<br>');
}

function element(el, ctx, blockId) {
  if (!el) return '';
  switch (el.type) {
    case 'button': {
      const style = el.style === 'primary' || el.style === 'danger' ? ' ' + el.style : '';
      return '<button class="bk-btn' + style + '" data-testid="button-' + esc(el.action_id) + '" data-ts="'
          + esc(ctx.ts) + '" data-block="' + esc(blockId) + '" data-action="' + esc(el.action_id) + '">'
          + textObject(el.text) + '</button>';
    }
    case 'image':
      return '<img src="' + esc(el.image_url) + '" alt="' + esc(el.alt_text) + '">';
    case 'mrkdwn':
    case 'plain_text':
      return '<span>' + textObject(el) + '</span>';
    default:
      return '<span class="bk-unknown">[' + esc(el.type) + ']</span>';
  }
}

function blocks(list, ctx) {
  return (list || []).map((b, i) => {
    const blockId = b.block_id || 'emulator-block-' + (i + 1);
    switch (b.type) {
      case 'header':
        return '<div class="bk-header" data-testid="bk-header">' + textObject(b.text) + '</div>';
      case 'section': {
        let h = '<div class="bk-section" data-testid="bk-section"><div class="text">';
        if (b.text) h += textObject(b.text);
        if (b.fields) {
          h += '<div class="bk-fields">' + b.fields.map(f => '<div>' + textObject(f) + '</div>').join('') + '</div>';
        }
        h += '</div>';
        if (b.accessory) h += '<div>' + element(b.accessory, ctx, blockId) + '</div>';
        return h + '</div>';
      }
      case 'context':
        return '<div class="bk-context" data-testid="bk-context">'
            + (b.elements || []).map(e => element(e, ctx, blockId)).join('') + '</div>';
      case 'actions':
        return '<div class="bk-actions" data-testid="bk-actions">'
            + (b.elements || []).map(e => element(e, ctx, blockId)).join('') + '</div>';
      case 'divider':
        return '<hr class="bk-divider">';
      case 'image':
        return '<div><img src="' + esc(b.image_url) + '" alt="' + esc(b.alt_text) + '" style="max-width:360px"></div>';
      case 'input':
        return '<div class="bk-section"><div class="text"><b>' + textObject(b.label) + '</b> '
            + element(b.element, ctx, blockId) + '</div></div>';
      default:
        return '<div class="bk-unknown">[' + esc(b.type) + ' block]</div>';
    }
  }).join('');
}

function time(ts) {
  const d = new Date(parseFloat(ts) * 1000);
  return d.toLocaleTimeString();
}

function message(m, channel, replies) {
  const name = m.username || userName(m.user);
  const icon = m.icon_emoji ? EMOJI[m.icon_emoji.replace(/:/g, '')] : null;
  const avatar = icon || (m.bot_id ? '🤖' : '🙂');
  const ctx = { ts: m.ts, channel };
  let h = '<div class="msg" data-testid="message" data-ts="' + esc(m.ts) + '">';
  h += '<div class="avatar">' + esc(avatar) + '</div><div class="body">';
  h += '<div class="meta"><b>' + esc(name) + '</b>' + (m.bot_id ? '<span class="app">APP</span>' : '')
      + '<time title="ts ' + esc(m.ts) + '">' + esc(time(m.ts)) + '</time></div>';
  h += m.blocks && m.blocks.length ? blocks(m.blocks, ctx) : '<div class="bk-section"><div class="text">'
      + mrkdwn(m.text) + '</div></div>';
  if (m.reactions && m.reactions.length) {
    h += '<div class="reactions">' + m.reactions.map(r => '<button class="chip' + (r.users.includes(userId) ? ' mine' : '')
        + '" data-testid="reaction-' + esc(r.name) + '" data-ts="' + esc(m.ts) + '" data-reaction="' + esc(r.name)
        + '" title="' + esc(r.users.map(userName).join(', ')) + ' reacted with :' + esc(r.name) + ':">'
        + emoji(r.name) + ' ' + r.count + '</button>').join('') + '</div>';
  }
  h += '<div class="react-bar">' + QUICK_REACTIONS.map(([r, what]) => '<button data-testid="react-' + esc(r)
      + '" data-ts="' + esc(m.ts) + '" data-reaction="' + esc(r) + '" title="React with :' + esc(r) + ': ('
      + esc(what) + ')">' + emoji(r) + '</button>').join('') + '</div>';
  if (replies && replies.length) {
    h += '<div class="thread">' + replies.map(r => message(r, channel, [])).join('') + '</div>';
  }
  return h + '</div></div>';
}

function render() {
  if (!state) return;
  const users = state.users;
  const select = document.getElementById('user');
  if (select.options.length !== users.length) {
    select.innerHTML = users.map(u => '<option value="' + esc(u.id) + '">' + esc(u.name) + ' (' + esc(u.role)
        + ')</option>').join('');
  }
  if (!users.some(u => u.id === userId)) userId = users.length ? users[0].id : null;
  select.value = userId;

  if (!state.channels.some(c => c.id === channelId)) channelId = state.channels.length ? state.channels[0].id : null;
  document.getElementById('channels').innerHTML = state.channels.map(c => {
    const n = c.messages.filter(m => !m.thread_ts || m.thread_ts === m.ts).length;
    return '<li data-testid="channel-' + esc(c.id) + '" data-channel="' + esc(c.id) + '" class="'
        + (c.id === channelId ? 'active' : '') + '"><span># ' + esc(c.name) + '</span><span class="count">'
        + (n || '') + '</span></li>';
  }).join('');

  const socket = document.getElementById('socket');
  const n = state.socketModeConnections;
  socket.textContent = n ? 'app connected (Socket Mode, ' + n + ')' : 'no app connected over Socket Mode';
  socket.className = 'socket ' + (n ? 'ok' : 'down');

  const channel = state.channels.find(c => c.id === channelId);
  document.getElementById('channel-name').textContent = channel ? '# ' + channel.name : '';
  document.getElementById('channel-id').textContent = channel ? channel.id : '';
  const box = document.getElementById('messages');
  const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 30;
  let html = '';
  if (channel) {
    const top = channel.messages.filter(m => !m.thread_ts || m.thread_ts === m.ts);
    html = top.map(m => message(m, channel.id, channel.messages.filter(r => r.thread_ts === m.ts && r.ts !== m.ts)))
        .join('');
    if (!top.length) html = '<div class="empty">No posts yet. POST an alert to the API and it shows up here.</div>';
    const notices = state.notices.filter(x => x.channel === channel.id && x.user === userId
        && !dismissedNotices.has(x.seq));
    html += notices.map(x => '<div class="msg ephemeral" data-testid="ephemeral"><div class="avatar">🤖</div>'
        + '<div class="body"><div class="meta"><b>slackmgr</b><span class="app">APP</span><span class="only">'
        + 'Only visible to you · ' + esc(x.source) + '</span><button class="dismiss" data-seq="' + x.seq
        + '">Dismiss</button></div>' + (x.blocks ? blocks(x.blocks, { ts: '', channel: channel.id })
        : '<div class="bk-section"><div class="text">' + mrkdwn(x.text) + '</div></div>') + '</div></div>').join('');
  }
  box.innerHTML = html;
  if (atBottom) box.scrollTop = box.scrollHeight;

  document.getElementById('events').innerHTML = state.events.slice().reverse().map(e => '<li><span class="type">'
      + esc(e.type) + '</span> ' + emojify(esc(e.summary)) + ' <span class="' + (e.acked ? 'acked">✓ acknowledged'
      : 'waiting">not acknowledged') + '</span><br><span class="dim">' + esc(new Date(e.at).toLocaleTimeString())
      + '</span></li>').join('') || '<li class="dim">Nothing yet: react, click a button or type a slash command.</li>';

  renderModal();
}

function renderModal() {
  const views = state.views;
  if (viewsSeen === null) {
    views.forEach(v => dismissedViews.add(v.id));
  }
  viewsSeen = views.length;
  const open = views.filter(v => !dismissedViews.has(v.id)).pop();
  const modal = document.getElementById('modal');
  if (!open) {
    modal.classList.add('hidden');
    return;
  }
  modal.dataset.view = open.id;
  document.getElementById('modal-title').innerHTML = textObject(open.view.title);
  document.getElementById('modal-body').innerHTML = blocks(open.view.blocks, { ts: '', channel: '' });
  modal.classList.remove('hidden');
}

async function poll() {
  try {
    const r = await fetch('emulator/state', { cache: 'no-store' });
    const text = await r.text();
    if (text !== lastJson) {
      lastJson = text;
      state = JSON.parse(text);
      render();
    }
  } catch (e) {
    document.getElementById('socket').textContent = 'emulator not reachable';
    document.getElementById('socket').className = 'socket down';
  }
  setTimeout(poll, 300);
}

async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) });
  const answer = await r.json();
  if (!r.ok) throw new Error(answer.error || r.statusText);
  return answer;
}

function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.classList.remove('hidden');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.add('hidden'), 2500);
}

async function refreshSoon() {
  lastJson = '';
}

document.addEventListener('click', async ev => {
  const li = ev.target.closest('li[data-channel]');
  if (li) {
    channelId = li.dataset.channel;
    location.hash = channelId;
    render();
    return;
  }
  const dismiss = ev.target.closest('button.dismiss');
  if (dismiss) {
    dismissedNotices.add(Number(dismiss.dataset.seq));
    render();
    return;
  }
  const react = ev.target.closest('button[data-reaction]');
  if (react) {
    try {
      await post('emulator/reaction', { channel: channelId, ts: react.dataset.ts, name: react.dataset.reaction,
        user: userId });
      refreshSoon();
    } catch (e) {
      toast('Reaction not sent: ' + e.message);
    }
    return;
  }
  const button = ev.target.closest('button[data-action]');
  if (button) {
    try {
      await post('emulator/action', { channel: channelId, ts: button.dataset.ts, blockId: button.dataset.block,
        actionId: button.dataset.action, user: userId });
      toast('block_actions sent: ' + button.dataset.action);
      refreshSoon();
    } catch (e) {
      toast('Click not sent: ' + e.message);
    }
  }
});

document.getElementById('modal-close').addEventListener('click', () => {
  const modal = document.getElementById('modal');
  dismissedViews.add(modal.dataset.view);
  modal.classList.add('hidden');
});

document.getElementById('user').addEventListener('change', ev => {
  userId = ev.target.value;
  localStorage.setItem('slackmgr-emulator-user', userId);
  render();
});

document.getElementById('composer').addEventListener('submit', async ev => {
  ev.preventDefault();
  const input = document.getElementById('command');
  const text = input.value.trim();
  if (!text) return;
  if (!text.startsWith('/')) {
    toast('Only slash commands reach the app, e.g. /slackmgr help');
    return;
  }
  input.value = '';
  try {
    await post('emulator/command', { channel: channelId, user: userId, text });
    refreshSoon();
  } catch (e) {
    toast('Command not sent: ' + e.message);
  }
});

poll();

/**
 * Every visible or announced string. Each can be overridden with a `label-<key>` attribute;
 * English and German ship built in, chosen by `lang` (or the page's language).
 */
const en = {
  'signed-out-title': 'Sign in to chat',
  'signed-out-text': 'Your conversation is saved to your account, so it follows you to every device.',
  'sign-in': 'Sign in',
  loading: 'Loading your conversation…',
  ready: 'Chat is ready.',
  'error-title': 'Chat is unavailable',
  retry: 'Try again',
  'new-conversation': 'New conversation',
  'confirm-new-conversation': 'Start a new conversation? This one will be closed.',
  'start-new': 'Start new',
  cancel: 'Cancel',
  'starting-new-conversation': 'Starting a new conversation…',
  'new-conversation-failed': 'The new conversation could not be started.',
  dismiss: 'Dismiss',
  'contact-site': 'Please contact us if this continues.',
  'widget-title': 'Chat with our assistant',
  'error-invalid-attribute': 'This chat is not set up correctly.',
  'error-widget-timeout': 'The chat took too long to load.',
  'error-widget-failed': 'The chat could not be loaded.',
  'error-rate-limited': 'There are too many requests right now. Please wait a moment.',
  'error-upstream-unavailable': 'The assistant cannot be reached right now.',
  'error-misconfigured': 'This chat is not set up correctly.',
  'error-not-signed-in': 'Your session has ended. Please sign in again.',
  'error-internal': 'Something went wrong.',
  'error-invalid-input': 'This message cannot be sent as it is.',
  'error-not-found': 'This message no longer exists.',
  'error-chat-closed': 'The chat is closed right now.',
  // Native mode (architecture.md §8.6): the pane's own words.
  conversation: 'Conversation',
  empty: 'How can we help?',
  message: 'Your message',
  send: 'Send',
  you: 'You',
  assistant: 'Assistant',
  agent: 'A person from our team',
  fallback: 'Automatic reply',
  system: 'Notice',
  typing: 'The assistant is writing…',
  'not-sent': 'Not sent.',
  'retry-in': 'Try again in {s} s',
  helpful: 'Helpful',
  'not-helpful': 'Not helpful',
  sources: 'Sources',
  'show-earlier': 'Show earlier messages',
  'loading-earlier': 'Loading earlier messages…',
  'jump-to-latest': 'Jump to latest',
  // The operator's service mode (`service`): the chat closed, or answering automatically.
  'closed-title': 'The chat is closed',
  'contact-us': 'Contact us',
  'automatic-answers': 'Our assistant is unavailable right now, so answers are automatic.',
  // A person from the site's team (`handoff`): the offer, the request, the handed-off pane.
  'offer-person': 'Need more help?',
  'talk-to-person': 'Talk to a person',
  'connecting-person': 'Connecting you with our team…',
  'handed-off': "You're talking to our team. A person will reply here.",
  'handoff-failed': 'Our team could not be reached.',
  sent: 'Sent',
  // The toolbar's menu: *Delete my chat* (forgetMyChat), both modes.
  'chat-menu': 'Chat options',
  'delete-chat': 'Delete my chat',
  'confirm-delete-chat': "Delete your chat? You'll start again with an empty chat, and this one can't be brought back.",
  delete: 'Delete',
  'deleting-chat': 'Deleting your chat…',
  'chat-deleted': 'Your chat was deleted.',
  'delete-failed': 'Your chat could not be deleted.',
};

export type LabelKey = keyof typeof en;
export type Labels = Record<LabelKey, string>;

const de: Labels = {
  'signed-out-title': 'Zum Chatten anmelden',
  'signed-out-text': 'Ihre Unterhaltung wird in Ihrem Konto gespeichert und begleitet Sie auf jedes Gerät.',
  'sign-in': 'Anmelden',
  loading: 'Ihre Unterhaltung wird geladen…',
  ready: 'Der Chat ist bereit.',
  'error-title': 'Chat nicht verfügbar',
  retry: 'Erneut versuchen',
  'new-conversation': 'Neue Unterhaltung',
  'confirm-new-conversation': 'Eine neue Unterhaltung beginnen? Diese wird geschlossen.',
  'start-new': 'Neu beginnen',
  cancel: 'Abbrechen',
  'starting-new-conversation': 'Neue Unterhaltung wird gestartet…',
  'new-conversation-failed': 'Die neue Unterhaltung konnte nicht gestartet werden.',
  dismiss: 'Ausblenden',
  'contact-site': 'Bitte kontaktieren Sie uns, falls das Problem bleibt.',
  'widget-title': 'Chat mit unserem Assistenten',
  'error-invalid-attribute': 'Dieser Chat ist nicht richtig eingerichtet.',
  'error-widget-timeout': 'Der Chat hat zu lange zum Laden gebraucht.',
  'error-widget-failed': 'Der Chat konnte nicht geladen werden.',
  'error-rate-limited': 'Gerade gibt es zu viele Anfragen. Bitte warten Sie einen Moment.',
  'error-upstream-unavailable': 'Der Assistent ist gerade nicht erreichbar.',
  'error-misconfigured': 'Dieser Chat ist nicht richtig eingerichtet.',
  'error-not-signed-in': 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  'error-internal': 'Etwas ist schiefgelaufen.',
  'error-invalid-input': 'Diese Nachricht kann so nicht gesendet werden.',
  'error-not-found': 'Diese Nachricht gibt es nicht mehr.',
  'error-chat-closed': 'Der Chat ist gerade geschlossen.',
  conversation: 'Unterhaltung',
  empty: 'Wie können wir helfen?',
  message: 'Ihre Nachricht',
  send: 'Senden',
  you: 'Sie',
  assistant: 'Assistent',
  agent: 'Eine Person aus unserem Team',
  fallback: 'Automatische Antwort',
  system: 'Hinweis',
  typing: 'Der Assistent schreibt…',
  'not-sent': 'Nicht gesendet.',
  'retry-in': 'Erneut versuchen in {s} s',
  helpful: 'Hilfreich',
  'not-helpful': 'Nicht hilfreich',
  sources: 'Quellen',
  'show-earlier': 'Frühere Nachrichten anzeigen',
  'loading-earlier': 'Frühere Nachrichten werden geladen…',
  'jump-to-latest': 'Zur neuesten Nachricht',
  'closed-title': 'Der Chat ist geschlossen',
  'contact-us': 'Kontakt aufnehmen',
  'automatic-answers': 'Unser Assistent ist gerade nicht verfügbar, daher kommen die Antworten automatisch.',
  'offer-person': 'Brauchen Sie weitere Hilfe?',
  'talk-to-person': 'Mit einer Person sprechen',
  'connecting-person': 'Wir verbinden Sie mit unserem Team…',
  'handed-off': 'Sie schreiben mit unserem Team. Eine Person antwortet hier.',
  'handoff-failed': 'Unser Team ist gerade nicht erreichbar.',
  sent: 'Gesendet',
  'chat-menu': 'Chat-Optionen',
  'delete-chat': 'Meinen Chat löschen',
  'confirm-delete-chat': 'Ihren Chat löschen? Sie beginnen mit einem leeren Chat, dieser lässt sich nicht wiederherstellen.',
  delete: 'Löschen',
  'deleting-chat': 'Ihr Chat wird gelöscht…',
  'chat-deleted': 'Ihr Chat wurde gelöscht.',
  'delete-failed': 'Ihr Chat konnte nicht gelöscht werden.',
};

const BUILT_IN: Record<string, Labels> = { en, de };

export const LABEL_KEYS = Object.keys(en) as LabelKey[];

/** The built-in strings for a language tag; unknown languages fall back to English. */
export function builtInLabels(lang: string | undefined): Labels {
  return BUILT_IN[(lang ?? '').split('-')[0].toLowerCase()] ?? en;
}

/** The label key holding the message for an error code; unknown codes read as internal. */
export function errorLabel(code: string): LabelKey {
  const key = `error-${code.toLowerCase().replace(/_/g, '-')}`;
  return key in en ? (key as LabelKey) : 'error-internal';
}

/** The contract between the element, page code and the backend (architecture.md §3, §4, §8). */
export * from './errors.js';
export * from './turns.js';
export * from './member-chat.js';
export * from './chat-methods.js';

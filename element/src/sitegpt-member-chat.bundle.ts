// Entry of the file Wix loads (dist/sitegpt-member-chat.js). It exports nothing and the build
// wraps it in a function, so the same file runs as an ES module or as a classic script (Wix
// does not document how it loads a "Server URL"), and a second load leaks no globals and
// redefines nothing.
import './sitegpt-member-chat.define.js';

import type { WidgetEvent } from '../events.js';

/** The widget wanted for a member, from validated attributes; equal requests mean the same widget. */
export interface WidgetRequest {
  strategy: 'frame' | 'script';
  /** `frame`: the chat page; `script`: SiteGPT's loader. Expanded from the real values and checked. */
  url: string;
  /** `message`: ready on the widget's first message; `load`: once its frame fired `load`. */
  readyOn: 'message' | 'load';
  /** `script`: `sandboxed` runs the loader in an opaque origin; `same-origin` with the page's rights. */
  isolation: 'sandboxed' | 'same-origin';
  chatbotId: string;
  thread: string;
  email?: string;
  signature?: string;
  /** `script`: the `$sitegpt` command that pins the widget to a thread (undocumented by SiteGPT). */
  resumeCommand?: string[];
  context?: [string, string];
  css?: string;
  /** `script`: stylesheet for the isolated frame that hosts the loader. */
  frameCss?: string;
}

export interface MountOptions extends WidgetRequest {
  /** Accessible name of the frame. */
  title: string;
  onEvent: (event: WidgetEvent) => void;
}

/** A mounted widget. `loaded` settles once the widget is known to be alive (see `readyOn`). */
export interface WidgetMount {
  readonly loaded: Promise<void>;
  /** Removes every node and listener of this widget at once. */
  destroy(): void;
}

export type MountStrategy = (container: HTMLElement, options: MountOptions) => WidgetMount;

/** The iframe both strategies put in the shadow root, filling the element's box. */
export function createFrame(doc: Document, title: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.title = title;
  frame.setAttribute('part', 'frame');
  frame.setAttribute('allow', 'clipboard-write');
  return frame;
}

/** A promise with its resolve function, for a signal that arrives through a listener. */
export function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

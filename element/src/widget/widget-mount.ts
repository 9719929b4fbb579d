import type { WidgetEvent } from '../events.js';

/** The widget wanted for a member, from validated attributes; equal requests mean the same widget. */
export interface WidgetRequest {
  strategy: 'frame' | 'script';
  chatbotId: string;
  thread: string;
  email?: string;
  signature?: string;
  /** `frame`: template of the chat page URL. */
  widgetUrl: string;
  /** `script`: template of SiteGPT's loader script URL. */
  loaderUrl: string;
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

/** A mounted widget. `loaded` settles once its chat frame has loaded. */
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

/** Resolves once `frame` fires load. */
export function frameLoaded(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
}

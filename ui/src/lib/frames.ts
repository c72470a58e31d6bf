// Work that must not hold up the frame a key press is waiting for: it runs as the first task after
// that frame is rendered. A frame's animation callback runs just before it is rendered; a message
// posted from there is delivered as the next task, once that rendering is done.

/** Runs `then` once the next frame has been rendered; the returned function cancels it if not yet run. */
export function afterNextFrame(then: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    if (cancelled) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) then();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

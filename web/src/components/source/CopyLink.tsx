import { useState } from "react";

/** Copies the page's address (which carries the document, offsets, passage and fact) for sharing. */
export function CopyLink() {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const [url, setUrl] = useState("");
  const copy = async () => {
    const url = window.location.href;
    setUrl(url);
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      // No clipboard permission (an insecure origin, a headless browser): show the address to copy by hand.
      setState("manual");
    }
  };
  return (
    <span className="source-copy">
      <button type="button" onClick={copy}>
        {state === "copied" ? "已复制 ✓" : "复制链接"}
      </button>
      {state === "manual" ? <input className="source-copy-url" readOnly value={url} aria-label="本页链接" onFocus={(e) => e.currentTarget.select()} /> : null}
    </span>
  );
}

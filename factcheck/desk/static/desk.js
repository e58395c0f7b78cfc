// The desk's only script. The page works without it (every action is a form); with it:
// a "Copy the draft" button, and the messages' language applied as soon as it is chosen.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("desk");
  const copy = document.getElementById("copy");
  const text = document.getElementById("text");
  if (copy && text) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(text.value);
      } catch (error) {
        text.select();
        document.execCommand("copy");
      }
      copy.dataset.done = "yes";
      copy.classList.add("copied");
    });
  }
  for (const select of document.querySelectorAll("select.autosubmit")) {
    select.addEventListener("change", () => {
      const hasDraft = (text && text.value.trim()) || form.querySelector("input[name=upload_name]");
      if (!hasDraft) {
        window.location.search = "?locale=" + encodeURIComponent(select.value);
        return;
      }
      const again = document.createElement("input");
      again.type = "hidden";
      again.name = "action";
      again.value = "audit";
      form.appendChild(again);
      form.submit();
    });
  }
});

// Polls an upload's progress and shows it; shipped with the package (no CDN).
(function () {
  const section = document.getElementById("job");
  if (!section) return;
  const id = section.dataset.job;
  const text = (sel, value) => { document.getElementById(sel).textContent = value; };
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  async function poll() {
    const response = await fetch(`/api/v1/jobs/${encodeURIComponent(id)}`, { credentials: "same-origin" });
    if (!response.ok) return;
    const job = await response.json();
    text("state", job.state);
    const bar = document.getElementById("bar");
    bar.max = Math.max(job.to_analyze, 1);
    bar.value = job.analyzed;
    text("counts", `${job.added} added, ${plural(job.duplicates, "duplicate")}, ${plural(job.errors.length, "error")}; ` +
      `${job.analyzed}/${job.to_analyze} analyzed, ${plural(job.statements, "statement")}`);
    const list = document.getElementById("errors");
    list.replaceChildren(...job.errors.map((e) => { const li = document.createElement("li"); li.className = "error"; li.textContent = e; return li; }));
    if (job.state === "done" || job.state === "failed") {
      document.getElementById("done").hidden = false;
    } else {
      setTimeout(poll, 700);
    }
  }
  if (section.dataset.state !== "done" && section.dataset.state !== "failed") poll();
})();

// Shows each prior slider's value beside it as it moves (the simulate page); no inline handlers, for the CSP.
(function () {
  for (const input of document.querySelectorAll('form.prior input[type="range"]')) {
    const output = input.parentElement.querySelector("output");
    if (!output) continue;
    input.addEventListener("input", () => { output.value = Number(input.value).toFixed(2); });
  }
})();

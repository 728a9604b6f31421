const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small form a visitor of a protected link fills in; it posts back to the same address. */
export function passwordPage(code: string, wrong: boolean): string {
  const action = `/s/${encodeURIComponent(code)}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Password required</title></head>
<body>
<main>
<h1>This link is protected</h1>
${wrong ? '<p role="alert">That password is not right.</p>' : ''}
<form method="post" action="${escapeHtml(action)}">
<label>Password <input type="password" name="password" required autofocus autocomplete="off"></label>
<button type="submit">Continue</button>
</form>
</main>
</body>
</html>`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the form tells the visitor above it: nothing yet, a wrong guess, or too many guesses. */
export type PasswordNotice =
  { kind: 'none' } | { kind: 'wrong' } | { kind: 'too_many'; retryAfterSeconds: number };

const noticeHtml = (notice: PasswordNotice): string => {
  if (notice.kind === 'wrong') return '<p role="alert">That password is not right.</p>';
  if (notice.kind === 'too_many') {
    const minutes = Math.ceil(notice.retryAfterSeconds / 60);
    return `<p role="alert">Too many tries. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.</p>`;
  }
  return '';
};

/** The small form a visitor of a protected link fills in; it posts back to the same address. */
export function passwordPage(code: string, notice: PasswordNotice = { kind: 'none' }): string {
  const action = `/s/${encodeURIComponent(code)}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Password required</title></head>
<body>
<main>
<h1>This link is protected</h1>
${noticeHtml(notice)}
<form method="post" action="${escapeHtml(action)}">
<label>Password <input type="password" name="password" required autofocus autocomplete="off"></label>
<button type="submit">Continue</button>
</form>
</main>
</body>
</html>`;
}

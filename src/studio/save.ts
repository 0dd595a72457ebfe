/** Saving what the studio made: a download under a name Windows accepts, from a Blob (no server involved). */

/** `<title>.<ext>`, without the characters Windows forbids in file names and without a trailing dot or space. */
export function fileName(title: string, ext: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 80)
    .trim();
  return `${base || '讲话稿'}.${ext}`;
}

/** Offers bytes or text as a download, as a click on a link would. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once the click is handled; the URL is kept a little for slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

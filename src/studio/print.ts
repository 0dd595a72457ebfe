/**
 * Printing the speaking manuscript (讲稿) through the browser's print dialog, where 另存为 PDF gives the PDF: the
 * manuscript renderer's own print page (render/manuscript.ts), in a frame that may not run any script at all.
 * The studio does not carry the manuscript's stand-in faces: it uses the PC's 仿宋, 楷体 and 黑体, which a
 * Chinese Windows has.
 */
export function printPage(html: string): void {
  document.getElementById('print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.id = 'print-frame';
  frame.title = '讲稿 · manuscript';
  // Same origin, so that the studio can call print(); no allow-scripts, so nothing in it runs.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.addEventListener('load', () => {
    document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1);
    frame.contentWindow?.print();
  });
  frame.srcdoc = html;
  document.body.append(frame);
}

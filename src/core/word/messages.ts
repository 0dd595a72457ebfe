/**
 * What the tool says about a file it is given to import, when the file is not what its name says or cannot be read;
 * each refusal ends with how to save the file as a .docx from Word or WPS.
 */
import { messages } from '../say.ts';

export const FILE_MESSAGES = messages({
  rtf: {
    zh: '这个文件其实是 RTF 格式，不是 Word 文档，不能直接读取；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'this file is really RTF, not a Word document, and cannot be read as it is: open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
  html: {
    zh: '这个文件其实是网页（HTML），只是名字像 Word 文档，不能直接读取；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'this file is really a web page (HTML) with a Word-like name, and cannot be read as it is: open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
  mht: {
    zh: '这个文件其实是单个文件网页（MHT），只是名字像 Word 文档，不能直接读取；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'this file is really a single-file web page (MHT) with a Word-like name, and cannot be read as it is: open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
  wordXml: {
    zh: '这个文件其实是 Word 2003 XML 文档，不能直接读取；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'this file is really a Word 2003 XML document and cannot be read as it is: open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
  pdf: {
    zh: '这是 PDF 文件，里面的文字不能可靠地取出；请找到它的 Word 原稿导入，或用 WPS 或 Word 打开后另存为 .docx 再导入',
    en: 'this is a PDF, whose text cannot be taken out reliably: import its Word original, or open it in WPS or Word, save it as .docx and import that',
  },
  password: {
    zh: '这个文件设了打开密码，不能读取。请在 Word 或 WPS 里用密码打开它，去掉密码（Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空密码；WPS：文件 → 文档加密 → 密码加密，清空密码）后保存，再导入',
    en: 'this file has a password and cannot be read. Open it in Word or WPS with its password, remove the password (Word: File → Info → Protect Document → Encrypt with Password, clear it; WPS: File → Document Encryption → Password, clear it), save it and import it again',
  },
  word95: {
    zh: '这是 Word 6.0/95 的旧格式文件，不能直接读取；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'this is an old Word 6.0/95 file and cannot be read as it is: open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
  oldWps: {
    zh: '这是金山 WPS 的早期格式（WPS 2000 及更早），不能直接读取；请用 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'this is an early Kingsoft WPS file (WPS 2000 or older) and cannot be read as it is: open it in WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
  otherOffice: {
    zh: '这是{kind}，不是 Word 文档；请把讲话稿存成 Word 文档（.docx）或文本文件（.txt）再导入',
    en: 'this is {kind}, not a Word document: save the speech as a Word document (.docx) or a text file (.txt) and import that',
  },
  notWord: {
    zh: '这个文件不是能读取的 Word 文档（可能已损坏，或是别的格式改了扩展名）；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'this file is not a Word document that can be read (damaged, or another format renamed): open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
  binary: {
    zh: '这个文件不是文字，也不是能认出的 Word 文档；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx，或把讲话稿存成文本文件（.txt）',
    en: 'this file is neither text nor a Word document it recognises: open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx, or save the speech as a text file (.txt)',
  },
  damaged: {
    zh: '这个 Word 文件读到一半出了错（{why}），可能已损坏；请用 Word 或 WPS 打开它，选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx',
    en: 'reading this Word file failed part way ({why}); it may be damaged: open it in Word or WPS, choose File → Save As, pick "Word Document (*.docx)", and import the new .docx',
  },
});

/** What other Office files are, in both languages, for 'otherOffice'. */
export const OTHER_OFFICE = {
  excel: { kind: { zh: 'Excel 表格', en: 'an Excel workbook' } },
  powerpoint: { kind: { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' } },
  works: { kind: { zh: 'Microsoft Works 文档', en: 'a Microsoft Works document' } },
  opendocument: { kind: { zh: 'OpenDocument 文档（.odt 等）', en: 'an OpenDocument file (.odt or the like)' } },
  picture: { kind: { zh: '图片', en: 'a picture' } },
} as const;

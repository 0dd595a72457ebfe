import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

/** An SVG drawing that tries to run script two ways; rasterised, it must run neither. */
export const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300" onload="alert('svg onload')">
  <script>alert('svg script')</script>
  <circle cx="200" cy="150" r="120" fill="#a3161a"/>
  <rect x="140" y="90" width="120" height="120" fill="#f5c451"/>
</svg>
`;

/**
 * Writes real pictures into `dir`: a large JPEG photograph (3000×2000, smooth colours), a PNG chart with a
 * transparent ground (1200×800) and the hostile SVG, as a speech's author would put them beside it.
 */
export async function writePictures(dir: string): Promise<{ jpeg: string; png: string; svg: string }> {
  mkdirSync(join(dir, '图片'), { recursive: true });
  const width = 3000;
  const height = 2000;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = 128 + 127 * Math.sin((x + y) / 90);
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toFile(join(dir, '图片', '现场 照片.jpg'));
  const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect x="100" y="400" width="200" height="300" fill="#a3161a"/><rect x="500" y="200" width="200" height="500" fill="#b8862b"/><rect x="900" y="100" width="200" height="600" fill="#a3161a"/></svg>`;
  await sharp(Buffer.from(chart)).png().toFile(join(dir, 'chart.png'));
  writeFileSync(join(dir, 'diagram.svg'), HOSTILE_SVG);
  return { jpeg: '图片/现场 照片.jpg', png: 'chart.png', svg: 'diagram.svg' };
}

/** A speech that shows a chart beside key phrases, a photograph alone, and a drawing beside phrases. */
export function pictureSpeech(paths: { jpeg: string; png: string; svg: string }): string {
  return `---
speaker: 县人民政府副县长
occasion: 全县经济工作会议
date: 2023年10月22日
---

# 用图片说话的讲话

- 坚持把深化理论武装加强党性修养作为终身课题来践行通过不断地深化政治理论学习
- 开场的要点

开场的话。

## 一、经济运行

- 经济运行稳中向好
- 项目建设提速增效

![全县生产总值增长图](${paths.png})

一、经济运行。这一部分要讲的话。

### 现场照片

![项目现场照片](<${paths.jpeg}>)

这一张只有照片。

### 示意图

- 要点在左边
- 图在右边

![工作流程示意图](${paths.svg})

示意图要讲的话。
`;
}

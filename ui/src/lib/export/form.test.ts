import { describe, expect, it } from 'vitest';
import {
  defaultForm,
  fileNameOf,
  formChanged,
  inputProblem,
  isPicturePath,
  progressFraction,
  toExportOptions,
  withScale,
} from './form';

describe('the export form', () => {
  it('starts as a 1× PNG on white with everything drawn, the width at the blueprint’s', () => {
    const form = defaultForm(2110.4);
    expect(form).toMatchObject({ format: 'png', size: 'scale', scale: 1, width: 2110, transparent: false });
    expect(toExportOptions(form)).toEqual({
      title_block: true,
      legend: true,
      emotion: true,
      owners: true,
      handoffs: true,
      pain_notes: true,
      comments: false,
      beside_current: false,
      transparent: false,
      scale: 1,
      width: null,
      pages: { layout: 'fit' },
    });
    expect(defaultForm(800, false).handoffs).toBe(false);
  });

  it('sizes a PNG by scale or by width, and keeps PNG choices out of other formats', () => {
    const form = { ...defaultForm(1000), scale: 3, transparent: true };
    expect(toExportOptions(form)).toMatchObject({ scale: 3, width: null, transparent: true });
    expect(toExportOptions({ ...form, size: 'width', width: 4000 })).toMatchObject({ scale: 1, width: 4000 });
    expect(toExportOptions({ ...form, format: 'svg', size: 'width' })).toMatchObject({
      scale: 1,
      width: null,
      transparent: false,
      pages: { layout: 'fit' },
    });
  });

  it('puts a PDF on one fitted page or tiles it on sheets', () => {
    const form = { ...defaultForm(1000), format: 'pdf' as const };
    expect(toExportOptions(form).pages).toEqual({ layout: 'fit' });
    expect(toExportOptions({ ...form, pages: 'a3', landscape: false }).pages).toEqual({
      layout: 'tiled',
      paper: 'a3',
      landscape: false,
    });
    expect(toExportOptions({ ...form, format: 'png', pages: 'a4' }).pages).toEqual({ layout: 'fit' });
  });

  it('passes what is left out to the options', () => {
    const form = {
      ...defaultForm(1000),
      titleBlock: false,
      legend: false,
      emotion: false,
      owners: false,
      handoffs: false,
      painNotes: false,
      comments: true,
    };
    expect(toExportOptions(form)).toMatchObject({
      title_block: false,
      legend: false,
      emotion: false,
      owners: false,
      handoffs: false,
      pain_notes: false,
      comments: true,
    });
  });

  it('asks for a whole number of pixels, only when the width is used', () => {
    const form = { ...defaultForm(1000), size: 'width' as const };
    expect(inputProblem(form)).toBeNull();
    expect(inputProblem({ ...form, width: 0 })).toBeNull();
    for (const width of [-5, 1.5, NaN]) {
      expect(inputProblem({ ...form, width })).toMatch(/whole number of pixels/);
    }
    expect(inputProblem({ ...form, width: NaN, size: 'scale' })).toBeNull();
    expect(inputProblem({ ...form, width: NaN, format: 'svg' })).toBeNull();
  });
});

describe('file names and progress', () => {
  it('names the file of a path on any platform', () => {
    expect(fileNameOf('/home/ana/Pictures/claim.png')).toBe('claim.png');
    expect(fileNameOf('C:\\Users\\ana\\claim.pdf')).toBe('claim.pdf');
    expect(fileNameOf('claim.svg')).toBe('claim.svg');
  });

  it('takes dropped SVG and PNG files as pictures to import', () => {
    expect(isPicturePath('/tmp/Claim.PNG')).toBe(true);
    expect(isPicturePath('/tmp/claim.svg')).toBe(true);
    expect(isPicturePath('/tmp/claim.pdf')).toBe(false);
    expect(isPicturePath('/tmp/png')).toBe(false);
  });

  it('turns steps done into a fraction', () => {
    expect(progressFraction(3, 4)).toBe(0.75);
    expect(progressFraction(0, 0)).toBe(0);
    expect(progressFraction(9, 4)).toBe(1);
  });

  it('keeps the width field in step with the chosen scale', () => {
    const start = defaultForm(2110.4);
    const doubled = withScale({ ...start, size: 'width' }, 2, 2110.4);
    expect(doubled).toMatchObject({ size: 'scale', scale: 2, width: 4221 });
    expect(withScale(doubled, 1, 2110.4).width).toBe(2110);
  });

  it('knows when choices were made that closing would lose', () => {
    const start = defaultForm(1000);
    expect(formChanged({ ...start }, start)).toBe(false);
    expect(formChanged(withScale(start, 2, 1000), start)).toBe(true);
    expect(formChanged({ ...start, format: 'pdf' }, start)).toBe(true);
  });
});

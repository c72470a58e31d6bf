import { describe, expect, it } from 'vitest';
import { personaUsage, pictureFile, toBase64 } from './personas';

const persona = { id: 'p', name: 'Family', description: '', goals: '', needs: '', pains: '', quote: '' };

describe('persona usage', () => {
  it('names every journey that loses the persona', () => {
    const summary = {
      persona,
      has_picture: false,
      journeys: [
        { id: 'a', name: 'Hotel stay' },
        { id: 'b', name: 'Spa visit' },
        { id: 'c', name: 'Checkout' },
      ],
    };
    expect(personaUsage(summary)).toBe(
      'It is taken off “Hotel stay”, “Spa visit” and “Checkout”, with its emotion scores there. One undo puts it all back.',
    );
  });

  it('says when no journey uses it', () => {
    expect(personaUsage({ persona, has_picture: false, journeys: [] })).toMatch(/No journey/);
  });
});

describe('persona pictures', () => {
  it('takes a PNG or JPEG under the limit and says why anything else is refused', () => {
    expect(pictureFile('me.png', 'image/png', 1000)).toBe('png');
    expect(pictureFile('me.jpg', 'image/jpeg', 1000)).toBe('jpeg');
    expect(pictureFile('me.gif', 'image/gif', 1000)).toMatch(/not a PNG or JPEG/);
    expect(pictureFile('big.png', 'image/png', 3 << 20)).toMatch(/over 2 MB/);
  });

  it('encodes bytes as base64', () => {
    expect(toBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('iVBORw==');
  });
});

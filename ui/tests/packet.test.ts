// The packet page: exhibits reordered from the keyboard and saved, checks
// in plain words, progress while printing, and GPS originals held back
// unless the user agrees.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backendContext } from '../src/backend';
import type { PacketEntry } from '../src/bindings/PacketEntry';
import PacketPage from '../src/components/PacketPage.svelte';
import { FakeBackend } from './fakeBackend';

function entry(kind: 'statement' | 'photo' | 'tattoo', id: string, description: string): PacketEntry {
  return { item: { kind, id }, letter: '', description, photoSha256: null, pinned: false };
}

async function withPacket(setup: (b: FakeBackend) => void = () => {}) {
  const backend = new FakeBackend();
  backend.packetEntries = [
    entry('statement', 's1', 'Declaration of María'),
    entry('tattoo', 't1', 'Tattoo record: Left wrist'),
    entry('photo', 'p1', 'Festival photo'),
  ];
  backend.packetOthers = [entry('photo', 'p2', 'School photo')];
  setup(backend);
  render(PacketPage, { props: { caseId: 'case-1', onback: () => {} }, context: backendContext(backend) });
  await screen.findByRole('heading', { name: /In the packet/ });
  return backend;
}

const rows = () =>
  screen.getAllByRole('listitem').filter((li) => li.closest('ol')).map((li) => li.textContent ?? '');

describe('evidence packet', () => {
  it('moves an exhibit down from the keyboard, keeps focus on it, and saves the order with Ctrl+S', async () => {
    const user = userEvent.setup();
    const backend = await withPacket();
    screen.getByRole('button', { name: 'Move down: Declaration of María' }).focus();
    await user.keyboard('{Enter}');
    expect(rows()[0]).toContain('Tattoo record: Left wrist');
    expect(rows()[1]).toContain('Declaration of María');
    expect(screen.getByText('Declaration of María is now number 2.')).toBeInTheDocument();
    expect(document.activeElement?.id).toBe('exhibit-1-down');
    // Prints wait for the order to be saved.
    expect(screen.getByRole('button', { name: 'Open / Print' })).toBeDisabled();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(backend.savedPackets.length).toBe(1));
    expect(backend.savedPackets[0].items.map((i) => i.id)).toEqual(['t1', 's1', 'p1']);
    // The letters now follow the saved order.
    expect(rows()[1]).toMatch(/^B/);
    expect(screen.getByRole('button', { name: 'Open / Print' })).toBeEnabled();
  });

  it('puts a record in and takes one out', async () => {
    const user = userEvent.setup();
    const backend = await withPacket();
    await user.click(screen.getByText('Not in the packet (1)'));
    await user.click(screen.getByRole('button', { name: 'Put in the packet: School photo' }));
    await user.click(screen.getByRole('button', { name: 'Take out of the packet: Festival photo' }));
    await user.click(screen.getByRole('button', { name: 'Save the packet' }));
    await waitFor(() => expect(backend.savedPackets.length).toBe(1));
    expect(backend.savedPackets[0].items.map((i) => i.id)).toEqual(['s1', 't1', 'p2']);
  });

  it('says what blocks filing in plain words and only allows a draft then', async () => {
    await withPacket((b) => {
      b.packetChecks = [
        {
          code: 'pinnedLetterMoved',
          blocks: true,
          letters: ['A', 'C'],
          subject: 'Declaration of María',
          message: '',
        },
        { code: 'photoNotSworn', blocks: false, letters: ['C'], subject: '', message: '' },
      ];
    });
    expect(
      screen.getByText(/“Declaration of María” was signed citing Exhibit A; in this order it would be Exhibit C/),
    ).toBeInTheDocument();
    expect(screen.getByText(/No signed declaration speaks about the photo in Exhibit C/)).toBeInTheDocument();
    expect(screen.getByLabelText('For filing')).toBeDisabled();
    expect(screen.getByLabelText(/Draft to read over/)).toBeChecked();
  });

  it('previews the pages and opens the PDF through the shell', async () => {
    const user = userEvent.setup();
    const backend = await withPacket();
    await user.click(screen.getByRole('button', { name: 'Preview pages' }));
    expect(await screen.findAllByAltText(/Page \d of 4/)).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: 'Open / Print' }));
    await waitFor(() => expect(backend.openedPackets).toEqual(['draft']));
  });

  it('asks before handing counsel originals that carry a GPS position, and leaves them out by default', async () => {
    const user = userEvent.setup();
    const backend = await withPacket((b) => {
      b.gpsFiles = ['Exhibit-C-1.heif'];
    });
    await user.click(screen.getByRole('button', { name: 'Export for counsel…' }));
    expect(await screen.findByText('Exhibit-C-1.heif')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.counselExports).toEqual([false]));
    expect(await screen.findAllByText(/Written: \/tmp\/For-counsel \(5 files, with SHA256SUMS\)/)).not.toHaveLength(0);
  });

  it('names a size limit that is not a number next to the field and saves nothing', async () => {
    const user = userEvent.setup();
    const backend = await withPacket();
    const limit = screen.getByLabelText('Largest file the court accepts, in MB');
    await user.clear(limit);
    await user.type(limit, '25 MB');
    await user.click(screen.getByRole('button', { name: 'Save the packet' }));
    expect(await screen.findByText(/Something in the packet settings is not right/)).toBeInTheDocument();
    expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(backend.savedPackets).toHaveLength(0);
    // Fixed, it saves.
    await user.clear(limit);
    await user.type(limit, '35');
    await user.click(screen.getByRole('button', { name: 'Save the packet' }));
    await waitFor(() => expect(backend.savedPackets.map((p) => p.sizeLimitMb)).toEqual([35]));
    expect(limit).not.toHaveAttribute('aria-invalid');
  });
});

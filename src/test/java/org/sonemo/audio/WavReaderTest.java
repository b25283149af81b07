package org.sonemo.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {
    @TempDir
    Path dir;

    private AudioBuffer read(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return AudioFiles.read(p);
    }

    /** Every corpus WAV equals javax.sound.sampled's integer samples divided by 2^(bits-1), exactly. */
    @Test
    void corpusWavsMatchJavaSoundExactly() throws Exception {
        List<Path> wavs = Corpus.audioFiles().stream().filter(p -> {
            String e = Corpus.extension(p);
            return e.equals("wav") || e.isEmpty();
        }).toList();
        int compared = 0, eightBit = 0;
        for (Path p : wavs) {
            AudioBuffer mine = AudioFiles.read(p);
            float[] theirs;
            try (AudioInputStream in = AudioSystem.getAudioInputStream(p.toFile())) {
                theirs = javaSound(in);
                if (in.getFormat().getSampleSizeInBits() == 8) eightBit++;
                assertEquals((int) in.getFormat().getSampleRate(), mine.sampleRate(), p.toString());
                assertEquals(in.getFormat().getChannels(), mine.channels(), p.toString());
            } catch (UnsupportedAudioFileException e) {
                throw new AssertionError(p + ": Java Sound cannot read it, so it cannot check it", e);
            }
            assertArrayEquals(theirs, mine.samples(), p.toString());
            compared++;
        }
        System.out.println("WAV samples identical to Java Sound for " + compared + " files (" + eightBit + " 8-bit)");
        assertEquals(wavs.size(), compared);
        assertTrue(compared >= 400 && eightBit > 0, compared + " files, " + eightBit + " 8-bit");
    }

    private static float[] javaSound(AudioInputStream in) throws IOException {
        AudioFormat f = in.getFormat();
        byte[] raw = in.readAllBytes();
        int bits = f.getSampleSizeInBits();
        if (bits == 8) {
            boolean unsigned = f.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED;
            float[] out = new float[raw.length];
            for (int i = 0; i < raw.length; i++) out[i] = (unsigned ? (raw[i] & 0xFF) - 128 : raw[i]) / 128f;
            return out;
        }
        assertEquals(16, bits, "only 8- and 16-bit WAVs are expected in the corpus");
        ByteBuffer b = ByteBuffer.wrap(raw).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = b.getShort() / 32768f;
        return out;
    }

    @Test
    void pcm8BitIsUnsignedAroundHalf() throws IOException {
        byte[] data = {0, (byte) 128, (byte) 255, 64};
        AudioBuffer b = read("u8.wav", Wavs.riff().fmt(1, 1, 8000, 1, 8).data(data).bytes());
        assertArrayEquals(new float[] {-1f, 0f, 127 / 128f, -0.5f}, b.samples());
    }

    @Test
    void pcm16StereoInterleaved() throws IOException {
        byte[] data = Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 2, -32768, 32767, 1, -1);
        AudioBuffer b = read("s16.wav", Wavs.riff().fmt(1, 2, 44100, 4, 16).data(data).bytes());
        assertEquals(2, b.channels());
        assertEquals(2, b.frames());
        assertArrayEquals(new float[] {-1f, 32767 / 32768f, 1 / 32768f, -1 / 32768f}, b.samples());
    }

    @Test
    void pcm24And32AreScaledByTheirFullRange() throws IOException {
        byte[] d24 = Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 3, -8388608, 8388607, 1, -2);
        AudioBuffer b24 = read("s24.wav", Wavs.riff().fmt(1, 1, 96000, 3, 24).data(d24).bytes());
        assertArrayEquals(new float[] {-1f, 8388607 / 8388608f, 1 / 8388608f, -2 / 8388608f}, b24.samples());

        byte[] d32 = Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 4, Integer.MIN_VALUE, 1 << 30, 256, -1);
        AudioBuffer b32 = read("s32.wav", Wavs.riff().fmt(1, 1, 48000, 4, 32).data(d32).bytes());
        assertArrayEquals(new float[] {-1f, 0.5f, 256 / 2147483648f, (float) (-1 / 2147483648.0)}, b32.samples());
    }

    @Test
    void floatSamplesPassThrough() throws IOException {
        ByteBuffer f32 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(-1f).putFloat(1.5f);
        AudioBuffer b = read("f32.wav", Wavs.riff().fmt(3, 1, 16000, 4, 32).data(f32.array()).bytes());
        assertArrayEquals(new float[] {0.25f, -1f, 1.5f}, b.samples(), "float WAVs are not clipped");

        ByteBuffer f64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-0.75);
        AudioBuffer d = read("f64.wav", Wavs.riff().fmt(3, 2, 16000, 16, 64).data(f64.array()).bytes());
        assertArrayEquals(new float[] {0.1f, -0.75f}, d.samples());
    }

    @Test
    void extensibleRifxAndRf64() throws IOException {
        byte[] d24in32 = Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 4, 0x7FFFFF00L, -256, 0, 1 << 30);
        AudioBuffer ext = read("ext.wav", Wavs.riff().fmtExtensible(1, 2, 48000, 8, 32, 24).data(d24in32).bytes());
        assertArrayEquals(new float[] {8388607 / 8388608f, -1 / 8388608f, 0f, 0.5f}, ext.samples());

        ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-0.5f);
        AudioBuffer extF = read("extf.wav", Wavs.riff().fmtExtensible(3, 1, 48000, 4, 32, 32).data(f.array()).bytes());
        assertArrayEquals(new float[] {0.5f, -0.5f}, extF.samples());

        byte[] be = Wavs.pcm(ByteOrder.BIG_ENDIAN, 2, 16384, -16384);
        assertArrayEquals(new float[] {0.5f, -0.5f},
                read("rifx.wav", Wavs.rifx().fmt(1, 1, 8000, 2, 16).data(be).bytes()).samples());
        byte[] be24 = Wavs.pcm(ByteOrder.BIG_ENDIAN, 3, -4194304, 1);
        assertArrayEquals(new float[] {-0.5f, 1 / 8388608f},
                read("rifx24.wav", Wavs.rifx().fmt(1, 1, 8000, 3, 24).data(be24).bytes()).samples());

        byte[] le = Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 2, 8192, -8192, 3);
        byte[] rf64 = Wavs.rf64().ds64(le.length).fmt(1, 1, 8000, 2, 16).chunk("data", 0xFFFFFFFFL, le).bytes();
        assertArrayEquals(new float[] {0.25f, -0.25f, 3 / 32768f}, read("rf64.wav", rf64).samples());
    }

    @Test
    void oddChunksFmtAfterDataAndTrailingChunks() throws IOException {
        byte[] d = Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 2, 1000, -1000);
        byte[] wav = Wavs.riff().chunk("LIST", new byte[] {1, 2, 3}) // odd size: padded
                .data(d).fmt(1, 1, 22050, 2, 16).chunk("id3 ", new byte[7]).bytes();
        AudioBuffer b = read("odd.wav", wav);
        assertEquals(22050, b.sampleRate());
        assertArrayEquals(new float[] {1000 / 32768f, -1000 / 32768f}, b.samples());

        // a trailing partial frame (3 bytes of a 4-byte stereo block) is ignored
        byte[] partial = Wavs.riff().fmt(1, 2, 8000, 4, 16).data(new byte[] {0, 64, 0, -64, 1, 2, 3}).bytes();
        assertArrayEquals(new float[] {0.5f, -0.5f}, read("partial.wav", partial).samples());
    }

    @Test
    void nameDoesNotMatterAndBytesDecodeLikeFiles() throws IOException {
        byte[] wav = Wavs.riff().fmt(1, 1, 8000, 2, 16).data(Wavs.pcm(ByteOrder.LITTLE_ENDIAN, 2, 4096, 0)).bytes();
        AudioBuffer fromFile = read("sound.mp3", wav);
        assertArrayEquals(new float[] {0.125f, 0f}, fromFile.samples());
        assertArrayEquals(fromFile.samples(), AudioFiles.read(wav, "memory").samples());
        assertArrayEquals(fromFile.samples(), AudioFiles.read(new ByteArrayInputStream(wav), "stream").samples());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }
}

package org.sonemo.data;

import org.sonemo.audio.AudioBuffer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.nio.file.Path;

/** PCM decoding with the JDK's {@code javax.sound.sampled} (WAV, AIFF, AU), the fallback reader. */
final class JdkAudio {
    private JdkAudio() {
    }

    static AudioBuffer read(Path file) throws Exception {
        try (AudioInputStream in0 = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in0.getFormat();
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16,
                    f.getChannels(), 2 * f.getChannels(), f.getSampleRate(), false);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(target, in0)) {
                byte[] b = in.readAllBytes();
                float[] s = new float[b.length / 2];
                for (int i = 0; i < s.length; i++) {
                    s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768f;
                }
                return new AudioBuffer(s, Math.round(f.getSampleRate()), f.getChannels());
            }
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(file + ": unsupported audio format for the JDK decoder (WAV/AIFF/AU only until the audio decoders land)");
        }
    }
}

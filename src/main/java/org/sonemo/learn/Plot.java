package org.sonemo.learn;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Minimal headless PNG charts (Java2D + ImageIO): scatter and line series on linear axes. */
final class Plot {
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    record Series(String name, double[] x, double[] y, boolean line) {
    }

    private final String title, xLabel, yLabel;
    private final List<Series> series = new ArrayList<>();
    private double x0 = Double.NaN, x1, y0, y1;
    private boolean diagonal;

    Plot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    Plot add(Series s) {
        series.add(s);
        return this;
    }

    Plot range(double x0, double x1, double y0, double y1) {
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        return this;
    }

    Plot diagonal() {
        diagonal = true;
        return this;
    }

    void save(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 860, h = 540, l = 70, r = 300, t = 40, b = 55;
        if (Double.isNaN(x0)) {
            double a = Double.MAX_VALUE, bb = -Double.MAX_VALUE, c = Double.MAX_VALUE, d = -Double.MAX_VALUE;
            for (Series s : series) {
                for (double v : s.x()) if (Double.isFinite(v)) { a = Math.min(a, v); bb = Math.max(bb, v); }
                for (double v : s.y()) if (Double.isFinite(v)) { c = Math.min(c, v); d = Math.max(d, v); }
            }
            if (a > bb) { a = 0; bb = 1; c = 0; d = 1; }
            double px = (bb - a) * 0.05 + 1e-9, py = (d - c) * 0.08 + 1e-9;
            x0 = a - px; x1 = bb + px; y0 = c - py; y1 = d + py;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int pw = w - l - r, ph = h - t - b;
        g.setColor(new Color(0xeeeeee));
        for (int i = 0; i <= 5; i++) {
            int xx = l + pw * i / 5, yy = t + ph * i / 5;
            g.drawLine(xx, t, xx, t + ph);
            g.drawLine(l, yy, l + pw, yy);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(l, t, pw, ph);
        for (int i = 0; i <= 5; i++) {
            double vx = x0 + (x1 - x0) * i / 5, vy = y1 - (y1 - y0) * i / 5;
            g.drawString(String.format(Locale.ROOT, "%.2f", vx), l + pw * i / 5 - 14, t + ph + 16);
            g.drawString(String.format(Locale.ROOT, "%.2f", vy), l - 45, t + ph * i / 5 + 4);
        }
        g.drawString(xLabel, l + pw / 2 - 4 * xLabel.length(), h - 15);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(t + ph / 2) - 4 * yLabel.length(), 18);
        g.rotate(Math.PI / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, l, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        if (diagonal) {
            g.setColor(Color.GRAY);
            double lo = Math.max(x0, y0), hi = Math.min(x1, y1);
            g.drawLine(px(lo, l, pw), py(lo, t, ph), px(hi, l, pw), py(hi, t, ph));
        }
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            Color c = PALETTE[si % PALETTE.length];
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), s.line() ? 255 : 150));
            g.setStroke(new BasicStroke(2f));
            int px0 = -1, py0 = -1;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) continue;
                int xx = px(s.x()[i], l, pw), yy = py(s.y()[i], t, ph);
                if (s.line()) {
                    if (px0 >= 0) g.drawLine(px0, py0, xx, yy);
                    g.fillOval(xx - 3, yy - 3, 7, 7);
                    px0 = xx;
                    py0 = yy;
                } else {
                    g.fillOval(xx - 2, yy - 2, 5, 5);
                }
            }
            g.setColor(c);
            g.fillRect(l + pw + 12, t + 10 + 18 * si, 10, 10);
            g.setColor(Color.DARK_GRAY);
            String name = s.name().length() > 40 ? s.name().substring(0, 40) : s.name();
            g.drawString(name, l + pw + 26, t + 20 + 18 * si);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private int px(double v, int l, int pw) {
        return l + (int) Math.round((v - x0) / (x1 - x0) * pw);
    }

    private int py(double v, int t, int ph) {
        return t + (int) Math.round((y1 - v) / (y1 - y0) * ph);
    }
}

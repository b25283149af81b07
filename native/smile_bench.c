/*
 * smile_bench - time openSMILE's raw C API (SMILEapi) on one WAV file, or
 * print the features as CSV (the stand-in for "one SMILExtract process per
 * file" in sonemo's benchmarks).
 *
 * Usage: see usage() below or native/README.md.
 */
#define _XOPEN_SOURCE 700 /* realpath, clock_gettime */

#include "smileapi.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const SOURCE_NAME = "extsource";
static const char *const SINK_NAME = "extsink";

/* ------------------------------------------------------------------ util */

static void usage(FILE *out)
{
    fprintf(out,
        "usage: smile_bench [--level func|lld|lld_de] [--iterations N] [--reuse]\n"
        "                   [--csv] [--config-root DIR] [--verbose] CONFIG_FILE WAV_FILE\n"
        "\n"
        "Runs openSMILE's C API (libSMILEapi) on WAV_FILE with CONFIG_FILE\n"
        "(e.g. third_party/opensmile/config/egemaps/v02/eGeMAPSv02.conf), feeding\n"
        "the audio as 32-bit float mono (int16/32767 convention) through the\n"
        "shared external-input/-output includes (source 'extsource', sink 'extsink').\n"
        "\n"
        "  --level L          sink level: func (default), lld or lld_de\n"
        "  --iterations N     timing iterations (default 20)\n"
        "  --reuse            initialize once; per iteration write+eoi+run+reset\n"
        "                     (default: fresh new+initialize+write+eoi+run+free)\n"
        "  --csv              run once and print the features as CSV on stdout:\n"
        "                     a header of element names, one row per sink frame\n"
        "  --config-root DIR  folder holding shared/*.conf.inc (default: the nearest\n"
        "                     ancestor folder of CONFIG_FILE named 'config')\n"
        "  --verbose          print openSMILE warnings to stderr (errors always)\n"
        "\n"
        "Timing mode prints per iteration\n"
        "  iter=I init_ms= write_ms= run_ms= reset_ms= free_ms= total_ms= rows=\n"
        "and then\n"
        "  summary mode=fresh|reuse n= median_total_ms= median_run_ms= min_total_ms= ...\n"
        "Exit status is non-zero on any error.\n");
}

static void die(const char *fmt, const char *arg)
{
    fprintf(stderr, "smile_bench: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "smile_bench: out of memory\n");
        exit(2);
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "smile_bench: out of memory\n");
        exit(2);
    }
    return q;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Text of the last ERROR log message: smile_initialize failures (e.g. a
 * missing or bad config) leave smile_error_msg NULL, the log has the cause. */
static char last_log_error[1024];

static void check(smileobj_t *obj, smileres_t res, const char *fn)
{
    if (res == SMILE_SUCCESS)
        return;
    const char *msg = obj ? smile_error_msg(obj) : NULL;
    if (msg)
        fprintf(stderr, "smile_bench: %s failed (result %d): %s\n", fn, (int)res, msg);
    else
        fprintf(stderr, "smile_bench: %s failed (result %d): smile_error_msg is NULL; "
                "last openSMILE log error: %s\n", fn, (int)res,
                last_log_error[0] ? last_log_error : "(none)");
    exit(1);
}

/* ------------------------------------------------------------------ WAV */

typedef struct {
    float *samples; /* mono, openSMILE float convention */
    size_t n;
    unsigned rate;
    unsigned channels;
    unsigned bits;
    unsigned format; /* 1 = PCM, 3 = IEEE float */
} wav_t;

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* One sample, normalised to [-1,1] with the decoder convention int/2^(bits-1). */
static double sample_at(const unsigned char *p, unsigned format, unsigned bytes)
{
    if (format == 3) {
        if (bytes == 4) {
            uint32_t u = rd32(p);
            float f;
            memcpy(&f, &u, sizeof f);
            return (double)f;
        } else {
            uint64_t u = (uint64_t)rd32(p) | ((uint64_t)rd32(p + 4) << 32);
            double d;
            memcpy(&d, &u, sizeof d);
            return d;
        }
    }
    switch (bytes) {
    case 1:
        return ((int)p[0] - 128) / 128.0;
    case 2:
        return (int16_t)rd16(p) / 32768.0;
    case 3: {
        int32_t v = (int32_t)((uint32_t)p[0] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 24) >> 8;
        return v / 8388608.0;
    }
    default:
        return (int32_t)rd32(p) / 2147483648.0;
    }
}

static void read_wav(const char *path, wav_t *w)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open WAV file %s", path);
    if (fseek(f, 0, SEEK_END) != 0)
        die("cannot seek in %s", path);
    long fsz = ftell(f);
    if (fsz < 0 || fseek(f, 0, SEEK_SET) != 0)
        die("cannot size %s", path);
    size_t size = (size_t)fsz;
    unsigned char *buf = xmalloc(size);
    if (fread(buf, 1, size, f) != size)
        die("cannot read %s", path);
    fclose(f);

    if (size < 12 || memcmp(buf, "RIFF", 4) != 0 || memcmp(buf + 8, "WAVE", 4) != 0)
        die("not a RIFF/WAVE file: %s", path);

    unsigned format = 0, channels = 0, rate = 0, bits = 0, align = 0;
    const unsigned char *data = NULL;
    size_t data_len = 0;
    size_t pos = 12;
    while (pos + 8 <= size) {
        const unsigned char *ck = buf + pos;
        size_t len = rd32(ck + 4);
        size_t avail = size - pos - 8;
        if (memcmp(ck, "fmt ", 4) == 0) {
            if (len < 16 || len > avail)
                die("bad fmt chunk in %s", path);
            format = rd16(ck + 8);
            channels = rd16(ck + 10);
            rate = rd32(ck + 12);
            align = rd16(ck + 20);
            bits = rd16(ck + 22);
            if (format == 0xFFFE) { /* WAVE_FORMAT_EXTENSIBLE: sub-format GUID */
                if (len < 40)
                    die("bad extensible fmt chunk in %s", path);
                format = rd16(ck + 8 + 24);
            }
        } else if (memcmp(ck, "data", 4) == 0) {
            data = ck + 8;
            data_len = len > avail ? avail : len; /* tolerate streamed/truncated files */
            break;
        }
        if (len > avail)
            break;
        pos += 8 + len + (len & 1);
    }
    if (!format || !data)
        die("no fmt or data chunk in %s", path);
    if (channels == 0 || rate == 0)
        die("bad channel count or sample rate in %s", path);

    unsigned bytes = channels ? align / channels : 0;
    int ok = (format == 1 && (bits == 8 || bits == 16 || bits == 24 || bits == 32) && bytes == bits / 8)
          || (format == 3 && (bits == 32 || bits == 64) && bytes == bits / 8);
    if (!ok)
        die("unsupported WAV encoding in %s (need PCM 8/16/24/32-bit or float 32/64-bit)", path);

    size_t n = data_len / align;
    float *out = xmalloc(n * sizeof(float));
    for (size_t i = 0; i < n; i++) {
        const unsigned char *fr = data + i * align;
        double v = 0.0;
        for (unsigned c = 0; c < channels; c++)
            v += sample_at(fr + (size_t)c * bytes, format, bytes);
        if (channels > 1)
            v /= channels;
        /* openSMILE divides int16 by 32767: scale [-1,1] (int16/32768) by
         * 32768/32767. For 16-bit mono this is exactly (float)s / 32767.0f. */
        out[i] = (float)(v * 32768.0) / 32767.0f;
    }
    free(buf);
    w->samples = out;
    w->n = n;
    w->rate = rate;
    w->channels = channels;
    w->bits = bits;
    w->format = format;
}

/* ------------------------------------------------------------------ sink */

typedef struct {
    float *values;
    size_t len, cap; /* in floats */
    long rows;
    long width; /* values per row; -1 until the first call */
    int bad_width;
} sink_t;

static bool on_sink(const float *data, long nT, long N, const sExternalSinkMetaDataEx *meta,
                    void *param)
{
    (void)meta;
    sink_t *s = param;
    if (nT <= 0 || N <= 0)
        return true;
    if (s->width < 0)
        s->width = N;
    else if (s->width != N)
        s->bad_width = 1;
    size_t add = (size_t)nT * (size_t)N;
    if (s->len + add > s->cap) {
        size_t cap = s->cap ? s->cap : 1024;
        while (cap < s->len + add)
            cap *= 2;
        s->values = xrealloc(s->values, cap * sizeof(float));
        s->cap = cap;
    }
    /* data is only valid during the call: copy it out. */
    memcpy(s->values + s->len, data, add * sizeof(float));
    s->len += add;
    s->rows += nT;
    return true;
}

static void sink_clear(sink_t *s)
{
    s->len = 0;
    s->rows = 0;
    s->width = -1;
    s->bad_width = 0;
}

static int verbose = 0;

static void on_log(smileobj_t *obj, smilelogmsg_t m, void *param)
{
    (void)obj;
    (void)param;
    if (m.type == SMILE_LOG_ERROR)
        snprintf(last_log_error, sizeof last_log_error, "[%s] %s", m.module ? m.module : "",
                 m.text ? m.text : "");
    for (size_t k = strlen(last_log_error); k > 0 && (last_log_error[k - 1] == '\n'
                                                      || last_log_error[k - 1] == '\r'); k--)
        last_log_error[k - 1] = '\0';
    if (m.type == SMILE_LOG_ERROR || (verbose && m.type == SMILE_LOG_WARNING))
        fprintf(stderr, "openSMILE %s [%s]: %s\n", m.type == SMILE_LOG_ERROR ? "ERROR" : "WARNING",
                m.module ? m.module : "", m.text ? m.text : "");
}

/* ------------------------------------------------------------------ driver */

typedef struct {
    const char *config;
    int nopts;
    smileopt_t opts[8];
    const wav_t *wav;
} job_t;

static smileobj_t *make_obj(const job_t *j, sink_t *sink)
{
    smileobj_t *obj = smile_new();
    if (!obj) {
        fprintf(stderr, "smile_bench: smile_new failed (returned NULL)\n");
        exit(1);
    }
    check(obj, smile_set_log_callback(obj, on_log, NULL), "smile_set_log_callback");
    check(obj, smile_initialize(obj, j->config, j->nopts, j->opts, 1, 0, 0, NULL),
          "smile_initialize");
    check(obj, smile_extsink_set_data_callback_ex(obj, SINK_NAME, on_sink, sink),
          "smile_extsink_set_data_callback_ex");
    return obj;
}

static void feed(smileobj_t *obj, const wav_t *w)
{
    /* length is in bytes and an int: write in chunks well below INT_MAX. */
    const size_t chunk = (size_t)1 << 24; /* samples */
    for (size_t off = 0; off < w->n; off += chunk) {
        size_t k = w->n - off < chunk ? w->n - off : chunk;
        check(obj, smile_extaudiosource_write_data(obj, SOURCE_NAME, w->samples + off,
                                                   (int)(k * sizeof(float))),
              "smile_extaudiosource_write_data");
    }
    check(obj, smile_extaudiosource_set_external_eoi(obj, SOURCE_NAME),
          "smile_extaudiosource_set_external_eoi");
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(const double *v, int n)
{
    double *c = xmalloc((size_t)n * sizeof(double));
    memcpy(c, v, (size_t)n * sizeof(double));
    qsort(c, (size_t)n, sizeof(double), cmp_double);
    double m = (n % 2) ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    free(c);
    return m;
}

static double minimum(const double *v, int n)
{
    double m = v[0];
    for (int i = 1; i < n; i++)
        if (v[i] < m)
            m = v[i];
    return m;
}

static int run_csv(const job_t *j)
{
    sink_t sink = {0};
    sink_clear(&sink);
    smileobj_t *obj = make_obj(j, &sink);

    long n = 0;
    check(obj, smile_extsink_get_num_elements(obj, SINK_NAME, &n), "smile_extsink_get_num_elements");
    for (long i = 0; i < n; i++) {
        const char *name = NULL;
        check(obj, smile_extsink_get_element_name(obj, SINK_NAME, i, &name),
              "smile_extsink_get_element_name");
        printf("%s%s", i ? "," : "", name ? name : "");
    }
    putchar('\n');

    feed(obj, j->wav);
    check(obj, smile_run(obj), "smile_run");
    if (sink.bad_width || (sink.rows > 0 && sink.width != n)) {
        fprintf(stderr, "smile_bench: sink delivered %ld values per frame, expected %ld\n",
                sink.width, n);
        return 1;
    }
    for (long r = 0; r < sink.rows; r++) {
        const float *row = sink.values + (size_t)r * (size_t)n;
        for (long i = 0; i < n; i++)
            printf("%s%.9g", i ? "," : "", (double)row[i]);
        putchar('\n');
    }
    smile_free(obj);
    free(sink.values);
    if (fflush(stdout) != 0) {
        perror("smile_bench: stdout");
        return 1;
    }
    return 0;
}

static int run_timing(const job_t *j, int iters, int reuse)
{
    double *total = xmalloc((size_t)iters * sizeof(double));
    double *runt = xmalloc((size_t)iters * sizeof(double));
    double *init_v = xmalloc((size_t)iters * sizeof(double));
    double *reset_v = xmalloc((size_t)iters * sizeof(double));
    sink_t sink = {0};
    sink_clear(&sink);
    float *first = NULL;
    size_t first_len = 0;
    long first_rows = 0;
    int consistent = 1;
    double setup_init = 0.0;
    smileobj_t *obj = NULL;

    if (reuse) {
        double t0 = now_ms();
        obj = make_obj(j, &sink);
        setup_init = now_ms() - t0;
        printf("setup init_ms=%.3f\n", setup_init);
    }

    for (int it = 0; it < iters; it++) {
        double t_init = 0, t_write, t_run, t_reset = 0, t_free = 0, t;
        sink_clear(&sink);
        if (!reuse) {
            t = now_ms();
            obj = make_obj(j, &sink);
            t_init = now_ms() - t;
        }
        t = now_ms();
        feed(obj, j->wav);
        t_write = now_ms() - t;

        t = now_ms();
        check(obj, smile_run(obj), "smile_run");
        t_run = now_ms() - t;

        if (reuse) {
            t = now_ms();
            check(obj, smile_reset(obj), "smile_reset");
            /* every sink callback must be set again after a reset */
            check(obj, smile_extsink_set_data_callback_ex(obj, SINK_NAME, on_sink, &sink),
                  "smile_extsink_set_data_callback_ex");
            t_reset = now_ms() - t;
        } else {
            t = now_ms();
            smile_free(obj);
            obj = NULL;
            t_free = now_ms() - t;
        }

        if (sink.bad_width) {
            fprintf(stderr, "smile_bench: inconsistent frame width from sink\n");
            return 1;
        }
        if (it == 0) {
            first_len = sink.len;
            first_rows = sink.rows;
            first = xmalloc(first_len * sizeof(float));
            memcpy(first, sink.values, first_len * sizeof(float));
        } else if (sink.len != first_len || sink.rows != first_rows
                   || memcmp(first, sink.values, first_len * sizeof(float)) != 0) {
            consistent = 0;
        }

        double tot = t_init + t_write + t_run + t_reset + t_free;
        total[it] = tot;
        runt[it] = t_run;
        init_v[it] = t_init;
        reset_v[it] = t_reset;
        printf("iter=%d init_ms=%.3f write_ms=%.3f run_ms=%.3f reset_ms=%.3f free_ms=%.3f "
               "total_ms=%.3f rows=%ld\n",
               it, t_init, t_write, t_run, t_reset, t_free, tot, sink.rows);
        fflush(stdout);
    }
    if (obj)
        smile_free(obj);

    double audio_s = (double)j->wav->n / (double)j->wav->rate;
    double med_total = median(total, iters);
    printf("summary mode=%s n=%d median_total_ms=%.3f median_run_ms=%.3f min_total_ms=%.3f "
           "median_init_ms=%.3f median_reset_ms=%.3f setup_init_ms=%.3f audio_s=%.3f "
           "rate=%u ms_per_audio_s=%.3f rows=%ld width=%ld consistent=%s\n",
           reuse ? "reuse" : "fresh", iters, med_total, median(runt, iters),
           minimum(total, iters), median(init_v, iters), median(reset_v, iters), setup_init,
           audio_s, j->wav->rate, audio_s > 0 ? med_total / audio_s : 0.0, first_rows,
           sink.width, consistent ? "yes" : "no");

    free(first);
    free(sink.values);
    free(total);
    free(runt);
    free(init_v);
    free(reset_v);
    return consistent ? 0 : 1;
}

/* ------------------------------------------------------------------ config root */

static char *dirname_dup(const char *p)
{
    const char *s = strrchr(p, '/');
    if (!s)
        return strcpy(xmalloc(2), ".");
    if (s == p)
        return strcpy(xmalloc(2), "/");
    size_t n = (size_t)(s - p);
    char *d = xmalloc(n + 1);
    memcpy(d, p, n);
    d[n] = '\0';
    return d;
}

/* Nearest ancestor folder of the config file named "config", or NULL. */
static char *find_config_root(const char *config)
{
    char *abs = realpath(config, NULL);
    if (!abs)
        die("cannot resolve config file %s", config);
    char *dir = dirname_dup(abs);
    free(abs);
    for (;;) {
        const char *base = strrchr(dir, '/');
        base = base ? base + 1 : dir;
        if (strcmp(base, "config") == 0)
            return dir;
        if (strcmp(dir, "/") == 0 || strcmp(dir, ".") == 0) {
            free(dir);
            return NULL;
        }
        char *up = dirname_dup(dir);
        free(dir);
        dir = up;
    }
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + 1 + strlen(b) + 1;
    char *r = xmalloc(n);
    snprintf(r, n, "%s/%s", a, b);
    return r;
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv)
{
    const char *level = "func";
    const char *root_arg = NULL;
    long iters = 20;
    int reuse = 0, csv = 0;
    const char *pos[2];
    int npos = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--level") == 0 && i + 1 < argc) {
            level = argv[++i];
            if (strcmp(level, "func") && strcmp(level, "lld") && strcmp(level, "lld_de"))
                die("--level must be func, lld or lld_de, not %s", level);
        } else if (strcmp(a, "--iterations") == 0 && i + 1 < argc) {
            char *end;
            errno = 0;
            iters = strtol(argv[++i], &end, 10);
            if (errno || *end || iters < 1 || iters > 1000000)
                die("--iterations needs a positive integer, not %s", argv[i]);
        } else if (strcmp(a, "--config-root") == 0 && i + 1 < argc) {
            root_arg = argv[++i];
        } else if (strcmp(a, "--reuse") == 0) {
            reuse = 1;
        } else if (strcmp(a, "--csv") == 0) {
            csv = 1;
        } else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
            verbose = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            usage(stderr);
            die("unknown or incomplete option %s", a);
        } else if (npos < 2) {
            pos[npos++] = a;
        } else {
            usage(stderr);
            die("too many arguments (%s)", a);
        }
    }
    if (npos != 2) {
        usage(stderr);
        return 2;
    }

    char *root = root_arg ? strcpy(xmalloc(strlen(root_arg) + 1), root_arg)
                          : find_config_root(pos[0]);
    if (!root)
        die("no folder named 'config' above %s; pass --config-root DIR", pos[0]);

    wav_t wav;
    read_wav(pos[1], &wav);

    char *source = join(root, "shared/standard_external_wave_input.conf.inc");
    char *sinkconf = join(root, "shared/standard_external_data_output_single.conf.inc");
    char *bufmode = join(root, "shared/BufferModeRb.conf.inc");
    char *fmfunc = join(root, "shared/FrameModeFunctionals.conf.inc");
    char rate[32];
    snprintf(rate, sizeof rate, "%u", wav.rate);

    job_t job = {0};
    job.config = pos[0];
    job.wav = &wav;
    smileopt_t opts[] = {
        {"source", source},
        {"sink", sinkconf},
        {"sinkLevel", level},
        {"bufferModeRbConf", bufmode},
        {"frameModeFunctionalsConf", fmfunc},
        {"sampleRate", rate},
        {"channels", "1"},
        {"nBits", "33"},
    };
    job.nopts = (int)(sizeof opts / sizeof opts[0]);
    memcpy(job.opts, opts, sizeof opts);

    if (!csv)
        fprintf(stderr, "smile_bench: %s on %s: %zu samples, %u Hz, %u ch, %u-bit %s; level=%s\n",
                pos[0], pos[1], wav.n, wav.rate, wav.channels, wav.bits,
                wav.format == 3 ? "float" : "PCM", level);

    int rc = csv ? run_csv(&job) : run_timing(&job, (int)iters, reuse);

    free(source);
    free(sinkconf);
    free(bufmode);
    free(fmfunc);
    free(root);
    free(wav.samples);
    return rc;
}

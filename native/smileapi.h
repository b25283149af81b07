/*
 * smileapi.h - C declarations for openSMILE's SMILEapi (libSMILEapi), 3.0.x.
 *
 * Written for sonemo from the documented interface (docs: the project's
 * shared/specs/smileapi.md: names, argument lists, enum values, struct
 * layouts). It is NOT a copy or translation of openSMILE's own header, which
 * is C++-only (default arguments) and under audEERING's licence.
 *
 * Valid C99/C11. Link against libSMILEapi.so / .dylib / SMILEapi.dll.
 */
#ifndef SONEMO_SMILEAPI_H
#define SONEMO_SMILEAPI_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  define SONEMO_SMILE_IMPORT __declspec(dllimport)
#else
#  define SONEMO_SMILE_IMPORT
#endif

/* Opaque handle to one openSMILE instance. */
typedef struct smileobj_opaque smileobj_t;

/* Result codes (int-sized enum). */
typedef enum {
    SMILE_SUCCESS           = 0,
    SMILE_FAIL              = 1,
    SMILE_INVALID_ARG       = 2,
    SMILE_INVALID_STATE     = 3,
    SMILE_COMP_NOT_FOUND    = 4,
    SMILE_LICENSE_FAIL      = 5,
    SMILE_CONFIG_PARSE_FAIL = 6,
    SMILE_CONFIG_INIT_FAIL  = 7,
    SMILE_NOT_WRITTEN       = 8
} smileres_t;

/* Instance states. */
typedef enum {
    SMILE_UNINITIALIZED = 0,
    SMILE_INITIALIZED   = 1,
    SMILE_RUNNING       = 2,
    SMILE_ENDED         = 3
} smilestate_t;

/* Log message kinds. */
typedef enum {
    SMILE_LOG_MESSAGE = 1,
    SMILE_LOG_WARNING = 2,
    SMILE_LOG_ERROR   = 3,
    SMILE_LOG_DEBUG   = 4,
    SMILE_LOG_PRINT   = 5
} smilelogtype_t;

/* A log message; passed BY VALUE to the log callback. */
typedef struct {
    smilelogtype_t type;
    int            level;
    const char    *text;
    const char    *module;
} smilelogmsg_t;

/* One option; becomes "-name value" on openSMILE's command line. */
typedef struct {
    const char *name;
    const char *value;
} smileopt_t;

/* Describes the FIRST frame of a block delivered to a sink-ex callback. */
typedef struct {
    long   vIdx;       /* frame index */
    double time;       /* seconds */
    double period;     /* seconds */
    double lengthSec;  /* seconds */
} sExternalSinkMetaDataEx;

/* Callbacks. All run on the thread that called smile_run (log/state may also
 * run during smile_initialize). Sink return values are ignored. */
typedef void (*LogCallback)(smileobj_t *obj, smilelogmsg_t message, void *param);
typedef void (*StateChangedCallback)(smileobj_t *obj, smilestate_t state, void *param);
/* One call per output frame: vectorSize values. */
typedef bool (*ExternalSinkCallback)(const float *data, long vectorSize, void *param);
/* One call per block: nT frames of N values, frame-major. */
typedef bool (*ExternalSinkCallbackEx)(const float *data, long nT, long N,
                                       const sExternalSinkMetaDataEx *metaData,
                                       void *param);
/* Deprecated message interface: the message is passed as an opaque pointer. */
typedef bool (*ExternalMessageInterfaceCallback)(const void *msg, void *param);
typedef bool (*ExternalMessageInterfaceJsonCallback)(const char *json, void *param);

/* ---- lifecycle ---- */
SONEMO_SMILE_IMPORT smileobj_t *smile_new(void);
/* All eight arguments are required in C (no defaults). logFile may be NULL. */
SONEMO_SMILE_IMPORT smileres_t smile_initialize(smileobj_t *obj, const char *configFile,
                                                int nOptions, const smileopt_t *options,
                                                int loglevel, int debug,
                                                int consoleOutput, const char *logFile);
SONEMO_SMILE_IMPORT smileres_t smile_run(smileobj_t *obj);      /* needs INITIALIZED; blocks */
SONEMO_SMILE_IMPORT smileres_t smile_abort(smileobj_t *obj);    /* RUNNING or ENDED */
SONEMO_SMILE_IMPORT smileres_t smile_reset(smileobj_t *obj);    /* ENDED -> INITIALIZED */
SONEMO_SMILE_IMPORT smileres_t smile_set_log_callback(smileobj_t *obj, LogCallback callback,
                                                      void *param);
SONEMO_SMILE_IMPORT smilestate_t smile_get_state(smileobj_t *obj);
SONEMO_SMILE_IMPORT smileres_t smile_set_state_callback(smileobj_t *obj,
                                                        StateChangedCallback callback,
                                                        void *param);
SONEMO_SMILE_IMPORT void smile_free(smileobj_t *obj);

/* ---- cExternalSource: nFrames vectors of floats ---- */
SONEMO_SMILE_IMPORT smileres_t smile_extsource_write_data(smileobj_t *obj,
                                                          const char *componentName,
                                                          const float *data, int nFrames);
SONEMO_SMILE_IMPORT smileres_t smile_extsource_set_external_eoi(smileobj_t *obj,
                                                                const char *componentName);

/* ---- cExternalAudioSource: length is in BYTES ---- */
SONEMO_SMILE_IMPORT smileres_t smile_extaudiosource_write_data(smileobj_t *obj,
                                                               const char *componentName,
                                                               const void *data, int length);
SONEMO_SMILE_IMPORT smileres_t smile_extaudiosource_set_external_eoi(smileobj_t *obj,
                                                                     const char *componentName);

/* ---- cExternalSink ---- */
SONEMO_SMILE_IMPORT smileres_t smile_extsink_set_data_callback(smileobj_t *obj,
                                                               const char *componentName,
                                                               ExternalSinkCallback callback,
                                                               void *param);
SONEMO_SMILE_IMPORT smileres_t smile_extsink_set_data_callback_ex(smileobj_t *obj,
                                                                  const char *componentName,
                                                                  ExternalSinkCallbackEx callback,
                                                                  void *param);
SONEMO_SMILE_IMPORT smileres_t smile_extsink_get_num_elements(smileobj_t *obj,
                                                              const char *componentName,
                                                              long *numElements);
SONEMO_SMILE_IMPORT smileres_t smile_extsink_get_element_name(smileobj_t *obj,
                                                              const char *componentName,
                                                              long idx,
                                                              const char **elementName);

/* ---- cExternalMessageInterface ---- */
SONEMO_SMILE_IMPORT smileres_t smile_extmsginterface_set_msg_callback(
        smileobj_t *obj, const char *componentName,
        ExternalMessageInterfaceCallback callback, void *param); /* deprecated */
SONEMO_SMILE_IMPORT smileres_t smile_extmsginterface_set_json_msg_callback(
        smileobj_t *obj, const char *componentName,
        ExternalMessageInterfaceJsonCallback callback, void *param);

/* Last error text of obj, or NULL; valid until the next error or smile_free. */
SONEMO_SMILE_IMPORT const char *smile_error_msg(smileobj_t *obj);

#ifdef __cplusplus
}
#endif

#endif /* SONEMO_SMILEAPI_H */

/* dm-importer-private.h: what the importer's format files share
 *
 * dm-importer.c holds the table of formats and reads files and folders;
 * each dm-import-<format>.c tells its items from the content and turns
 * them into findings with the helpers below (dm-import-common.c).
 * Adding a format is one such file and one row in the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dm-checks.h"
#include "dm-finding-array.h"
#include "dm-importer.h"
#include "dm-json-reader.h"

G_BEGIN_DECLS

#define NOT_YET_EVALUATED N_("no Demarc check reads this yet")

struct _DmImporter
{
  GObject      parent_instance;

  DmCatalogue *catalogue;
  DmFindingArray *findings;
  GPtrArray   *inputs;   /* DmImportInput */
  GHashTable  *seen;     /* DmFinding, by its key fields -> its place in findings + 1 (0: joined) */
  GHashTable  *also_seen; /* DmFinding, by key and status: another status of one of seen, both kept */
  GHashTable  *reported; /* DmFinding, by check + resource, to join tools' reports */
  GHashTable  *folders;  /* "device:inode" of folders walked */
  GHashTable  *accounts; /* account folder path -> its account id, "" if none */
  GMutex       accounts_lock; /* workers of a folder look accounts up too */
  guint        n_read;   /* inputs read (wholly or in part), for empty walks */
  gboolean     whole_items; /* no projection (dm_importer_set_whole_items ()) */
  guint        workers;     /* files of a folder read at once */
  guint        n_pooled;    /* files handed to workers, for tests */
  guint        n_taken_back; /* of those, read by the importer's thread as no worker had, for tests */
  gboolean     pool_threadless; /* tests: the pool starts no thread, as when none can be started */

  DmImportProgressFunc progress;
  gpointer             progress_data;
  DmImportProgress     where;
};

/* A finding read by a worker, kept or joined on the importer's thread. */
typedef struct
{
  DmFinding *finding;
  gboolean   has_key;  /* it has an id: the same finding may come again */
} DmPendingFinding;

/* One file being read. */
typedef struct
{
  DmImporter    *self;
  DmImportInput *input;
  char          *basename;
  char          *path_account;   /* of its account folder, else of its own ARNs */
  char          *path_region;
  GHashTable    *reasons;     /* reason -> DmSkipReason, borrowed from input */
  const char    *trusted_advisor_check;  /* the check whose flagged resources are read */
  const char    *conformance_pack;       /* the pack whose rules are read */
  guint         *kinds;          /* items per row of the format table */
  guint          unknown_items;  /* items of no format in it */
  gboolean       variant;        /* an item was of its format's variant (Prowler's ASFF) */
  char          *call;           /* CloudMapper's <call>/ folder the file is in */
  char          *resource_name;  /* the resource its file name names, decoded */
  GFile         *account_dir;    /* whose account path_account is, worked out when first needed */
  GFile         *account_file;   /* the file itself, whose ARNs say it when no folder does */
  DmJsonReader  *reader;
  DmJsonProjection *projection;  /* set on the reader after the first item */
  int            projected_format; /* the format it is for */
  gboolean       projection_chosen;
  gboolean       read_ahead;     /* its items may be assessed on a core of their own */
  GArray        *pending;        /* DmPendingFinding, in a worker; else NULL */
  DmFindingStrings *strings;     /* the text its findings share */
  char           last_time[40];  /* the last time text parsed: items repeat it */
  gint64         last_seconds;   /* what it said, 0 if not a time (or 1970's first second) */
  gint64         item_time;      /* the time the current item carries, 0 if none */
  const char    *event_time;     /* while an EventBridge event's finding is read: the event's time */
  guint          event_kinds;    /* kinds of other events named in skip reasons */
  GPtrArray     *cli_pages;      /* DmJsonDoc: AWS CLI pages of one response read so far */
  char          *cli_lists;      /* the lists they hold, to tell the next page of it */
  guint64        cli_item;       /* the response's number among the file's items */
  /* The last resource Demarc's checks named, and the account and Region
   * its ARN says: an item's checks name the same one again and again. */
  struct
  {
    char        *arn;
    char        *account;
    char        *region;
  } last_arn;
} DmImportFile;

/* A format of single items (a finding, a Config item, a bundle call):
 * detect is tried row by row, in the table's order, on every item. */
typedef struct
{
  const char *name;
  guint       rank;        /* breaks a tie in naming a file (see formats[]) */
  const char *variant;     /* the name when the file's items were its variant, or NULL */
  gboolean  (*detect)      (DmJsonObject *o);
  void      (*import_item) (DmImportFile *state,
                            DmJsonObject *o,
                            guint64       index);
  /* Every member import_item reads (dm_json_projection_add ()), or NULL:
   * a file whose first item is of this format has the rest built with
   * only these and what any detect reads. */
  const char * const *reads;
} DmImportFormat;

/* A whole document, file or reader setting, tried in the table's order:
 * sniff peeks at a file and read_file then reads it instead of the JSON
 * reader (CSV); prepare tells the JSON reader what to stream or leave out;
 * import_document takes a document none of the item formats claims. */
typedef struct
{
  const char *name;
  gboolean  (*sniff)           (GFile         *file,
                                GCancellable  *cancellable);
  gboolean  (*read_file)       (DmImportFile  *state,
                                GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error);
  void      (*prepare)         (DmJsonReader  *reader,
                                GFile         *file,
                                GCancellable  *cancellable);
  gboolean  (*import_document) (DmImportFile  *state,
                                DmJsonObject  *document);
} DmImportDocumentFormat;

/* A finding's id in its tool's own terms, for the mapping. */
typedef struct
{
  const char *source;    /* "scoutsuite", "config", "guardduty", "inspector", "cis-1.2", "pci"… */
  const char *id;        /* the rule, type, package manager… (nullable) */
  const char *service;   /* the service the id names (PCI.IAM.1 → "IAM"), or NULL */
} ToolId;

/* dm-import-common.c: reading JSON safely */
DmJsonNode   *_dm_import_member        (DmJsonObject *o,
                                        const char   *path);
const char   *_dm_import_str           (DmJsonObject *o,
                                        const char   *path);
DmJsonObject *_dm_import_obj           (DmJsonObject *o,
                                        const char   *path);
DmJsonObject *_dm_import_first_object  (DmJsonObject *o,
                                        const char   *path);
gint64        _dm_import_integer       (DmJsonObject *o,
                                        const char   *path,
                                        gint64        fallback);
const char   *_dm_import_first_of      (const char   *a,
                                        const char   *b);
GPtrArray    *_dm_import_all_resources (DmJsonObject *o,
                                        const char   *path,
                                        const char   *id,
                                        const char   *fallback);
char       *_dm_import_arn_field_account (const char *arn);
void        _dm_import_note_version (DmImportFile *state,
                                     const char   *version);
gboolean    _dm_import_note_time    (DmImportFile *state,
                                     const char   *iso8601);
int         _dm_import_compare_names (gconstpointer a,
                                      gconstpointer b);

/* dm-import-compliance.c: the export's own compliance ids */
void        _dm_import_compliance_map  (GPtrArray     *ids,
                                        DmJsonObject  *compliance);
void        _dm_import_compliance_list (GPtrArray     *ids,
                                        DmJsonNode    *list);
void        _dm_import_compliance_text (GPtrArray     *ids,
                                        const char    *text);
void        _dm_import_compliance_join (GStrvBuilder **controls,
                                        GPtrArray     *ids);

/* dm-import-common.c: findings and skips */
void        _dm_import_skip              (DmImportFile  *state,
                                          const char    *reason);
guint64     _dm_import_n_findings        (DmImportFile  *state);
DmSeverity  _dm_import_severity_of       (const char    *label,
                                          gint64         normalized);
void        _dm_import_map_finding_by_id (DmImportFile  *state,
                                          DmFindingData *data,
                                          const char    *control,
                                          const char    *prowler_check,
                                          const ToolId  *tool,
                                          const char    *service_name,
                                          GStrvBuilder  *controls);
void        _dm_import_map_finding       (DmImportFile  *state,
                                          DmFindingData *data,
                                          const char    *control,
                                          const char    *prowler_check,
                                          const char    *service_name,
                                          GStrvBuilder  *controls);
void        _dm_import_add_finding       (DmImportFile  *state,
                                          DmFindingData *data,
                                          GStrvBuilder  *controls);
void        _dm_import_keep_pending      (DmImportFile  *state);
guint       _dm_import_finding_key_hash  (gconstpointer  finding);
gboolean    _dm_import_finding_key_equal (gconstpointer  a,
                                          gconstpointer  b);
guint       _dm_import_finding_hash      (gconstpointer  finding);
gboolean    _dm_import_finding_equal     (gconstpointer  a,
                                          gconstpointer  b);
guint       _dm_import_report_hash       (gconstpointer  finding);
gboolean    _dm_import_report_equal      (gconstpointer  a,
                                          gconstpointer  b);
void        _dm_import_pending_clear     (gpointer       data);

/* dm-import-cloudmapper.c: where a file of a CloudMapper tree comes from */
gboolean    _dm_import_looks_like_call      (const char   *name);
char       *_dm_import_decode_resource_name (const char   *name);
const char *_dm_import_account_of_folder    (DmImporter   *self,
                                             GFile        *folder,
                                             GCancellable *cancellable);
char       *_dm_import_account_of_file      (GFile        *file,
                                             GCancellable *cancellable);
void        _dm_import_context_from_path    (DmImportFile *state,
                                             GFile        *file,
                                             gboolean      in_folder);

/* dm-import-cli.c: Demarc's own checks on what a file holds */
void        _dm_import_init_context   (DmImportFile   *state,
                                       DmCheckContext *context,
                                       guint64         index);

/* The formats, each in its file. */
#define DM_IMPORT_ITEM_FORMAT(name) \
  gboolean _dm_import_##name##_detect (DmJsonObject *o); \
  void     _dm_import_##name          (DmImportFile *state, DmJsonObject *o, guint64 index)

DM_IMPORT_ITEM_FORMAT (guardduty);
DM_IMPORT_ITEM_FORMAT (inspector);
DM_IMPORT_ITEM_FORMAT (macie);
DM_IMPORT_ITEM_FORMAT (access_analyzer);
DM_IMPORT_ITEM_FORMAT (cloudsploit);
DM_IMPORT_ITEM_FORMAT (trusted_advisor);
DM_IMPORT_ITEM_FORMAT (asff);
DM_IMPORT_ITEM_FORMAT (prowler_ocsf);
DM_IMPORT_ITEM_FORMAT (prowler_v3);
DM_IMPORT_ITEM_FORMAT (prowler_v2);
DM_IMPORT_ITEM_FORMAT (config_item);
DM_IMPORT_ITEM_FORMAT (config_evaluation);
DM_IMPORT_ITEM_FORMAT (config_rule);
DM_IMPORT_ITEM_FORMAT (config_resource);
DM_IMPORT_ITEM_FORMAT (bundle_call);

extern const char * const _dm_import_asff_reads[];
extern const char * const _dm_import_prowler_ocsf_reads[];
extern const char * const _dm_import_config_item_reads[];

gboolean    _dm_import_prowler_csv_sniff (GFile         *file,
                                          GCancellable  *cancellable);
gboolean    _dm_import_prowler_csv       (DmImportFile  *state,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);
void        _dm_import_bundle_prepare    (DmJsonReader  *reader,
                                          GFile         *file,
                                          GCancellable  *cancellable);
void        _dm_import_scoutsuite_prepare (DmJsonReader *reader,
                                           GFile        *file,
                                           GCancellable *cancellable);
gboolean    _dm_import_scoutsuite        (DmImportFile  *state,
                                          DmJsonObject  *document);
gboolean    _dm_import_cli_response      (DmImportFile  *state,
                                          DmJsonObject  *document);
gboolean    _dm_import_cli_page          (DmImportFile  *state,
                                          DmJsonNode    *page);
void        _dm_import_cli_pages_end     (DmImportFile  *state);

G_END_DECLS

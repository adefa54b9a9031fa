/* test-report.c: HTML, Markdown and PDF reports, diagram exports, escaping
 * and redaction of every export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-util.h"

#include "dm-diff.h"
#include "dm-finding-group.h"
#include "dm-importer.h"
#include "dm-report.h"
#include "dm-review-summary.h"

typedef struct
{
  DmModel     *model;
  DmCatalogue *catalogue;
  DmImporter  *importer;
  char        *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *files = data;
  g_auto(GStrv) names = g_strsplit (files, ",", -1);
  g_autoptr(GError) error = NULL;

  f->model = dm_model_new_default (&error);
  g_assert_no_error (error);
  f->catalogue = dm_catalogue_new_default (&error);
  g_assert_no_error (error);
  f->importer = dm_importer_new (f->catalogue);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_str_equal (names[i], "demo")
                              ? g_build_filename (SOURCE_DATADIR, "demo", "demo-export.json", NULL)
                              : test_fixture_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (dm_importer_add_file (f->importer, file, NULL, &error));
      g_assert_no_error (error);
    }
  f->dir = g_dir_make_tmp ("demarc-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* Chromium's profile is a folder. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_all (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_all (f->dir);
  g_free (f->dir);
  g_clear_object (&f->importer);
  g_clear_object (&f->catalogue);
  g_clear_object (&f->model);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
write_and_read (Fixture    *f,
                DmReport   *report,
                const char *name,
                gboolean    diagram,
                DmService  *service,
                gsize      *length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  DmReportFormat format;
  char *contents = NULL;

  g_assert_true (dm_report_format_from_path (path, &format));
  if (diagram)
    g_assert_true (dm_report_write_diagram (report, service, path, format, &error));
  else
    g_assert_true (dm_report_write (report, path, format, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static guint
n_services_in_export (Fixture  *f,
                      DmReport *report)
{
  guint n = 0;

  for (guint i = 0; i < dm_model_get_n_services (f->model); i++)
    if (dm_assessment_has_service (dm_report_get_assessment (report), dm_model_get_service (f->model, i)))
      n++;
  return n;
}

/* A finding two files reported shows both; one naming several resources
 * shows the others, in HTML and Markdown. */
/* --- grouped and ranked: helpers ---------------------------------------- */

static GPtrArray *
report_groups (DmReport *report,
               gboolean  failed)
{
  GListModel *findings = dm_report_get_findings (report);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i);

      if ((dm_finding_get_status (finding) == DM_FINDING_FAILED) == failed)
        g_ptr_array_add (chosen, g_steal_pointer (&finding));
    }
  return dm_finding_groups_new (chosen);
}

static guint
count_failed_groups (DmReport *report)
{
  g_autoptr(GPtrArray) groups = report_groups (report, TRUE);
  return groups->len;
}

static guint
count_other_groups (DmReport *report)
{
  g_autoptr(GPtrArray) groups = report_groups (report, FALSE);
  return groups->len;
}

/* The HTML between <section id="@id"> and its end. */
static char *
html_section (const char *html,
              const char *id)
{
  g_autofree char *start_tag = g_strdup_printf ("<section id=\"%s\">", id);
  const char *start = strstr (html, start_tag);
  const char *end = start ? strstr (start, "</section>") : NULL;

  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static char *
gaps_section (const char *html)
{
  return html_section (html, "gaps");
}

/* The severities of the group rows, in order, never rise. */
static void
assert_worst_first (const char *gaps)
{
  const char *row = "<details class=\"group\"><summary><span class=\"severity ";
  int previous = DM_SEVERITY_CRITICAL + 1;
  guint rows = 0;

  for (const char *p = strstr (gaps, row); p; p = strstr (p + 1, row))
    {
      const char *klass = p + strlen (row);
      int severity = -1;

      for (int s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
        if (g_str_has_prefix (klass, dm_severity_colours (s)->css_class) &&
            klass[strlen (dm_severity_colours (s)->css_class)] == '"')
          severity = s;
      g_assert_cmpint (severity, >=, 0);
      g_assert_cmpint (severity, <=, previous);
      previous = severity;
      rows++;
    }
  g_assert_cmpuint (rows, ==, count (gaps, "<details class=\"group\">"));
}

/* Each group's block holds its title and every one of its findings. */
static void
assert_groups_complete (const char *section,
                        GPtrArray  *groups)
{
  g_auto(GStrv) blocks = g_strsplit (section, "<details class=\"group\">", -1);

  g_assert_cmpuint (g_strv_length (blocks), ==, groups->len + 1);
  for (guint i = 0; i < groups->len; i++)
    {
      DmFindingGroup *group = g_ptr_array_index (groups, i);
      GPtrArray *findings = dm_finding_group_get_findings (group);
      g_autofree char *title = dm_report_escape_html (dm_finding_group_get_title (group));

      g_assert_nonnull (strstr (blocks[i + 1], title));
      /* One table row per finding. */
      g_assert_cmpuint (count (blocks[i + 1], "<tr><td>"), ==, findings->len);
      for (guint k = 0; k < findings->len; k++)
        {
          g_autofree char *resource = dm_report_escape_html (dm_finding_get_resource (g_ptr_array_index (findings, k)));
          g_assert_nonnull (strstr (blocks[i + 1], resource));
        }
    }
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A tool's standard output, or NULL when it did not run. */
static char *
run_tool (const char * const *argv)
{
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL))
    return NULL;
  if (!g_spawn_check_wait_status (status, NULL))
    g_clear_pointer (&out, g_free);
  return out;
}

static guint
pdfinfo_pages (const char *pdfinfo,
               const char *path)
{
  const char *argv[] = { pdfinfo, path, NULL };
  g_autofree char *out = run_tool (argv);
  const char *line = out ? strstr (out, "Pages:") : NULL;

  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* Prints @html_path to A4 PDF pages as a browser does, with Chromium
 * headless: the page leaves the paper to the reader, so A4 is chosen here.
 * Returns the PDF's path, or NULL (the test skipped) without Chromium. */
static char *
print_html (const char *dir,
            const char *html_path)
{
  g_autofree char *chromium = g_find_program_in_path ("chromium");
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  g_autofree char *html = NULL;
  g_autofree char *a4_html = NULL;
  g_autofree char *a4_path = g_build_filename (dir, "a4.html", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *profile = g_build_filename (dir, "chromium-profile", NULL);
  g_autofree char *print_to = g_strdup_printf ("--print-to-pdf=%s", pdf_path);
  g_autofree char *user_data = g_strdup_printf ("--user-data-dir=%s", profile);
  g_autofree char *uri = g_filename_to_uri (a4_path, NULL, NULL);
  g_autofree char *out = NULL;

  if (chromium == NULL)
    chromium = g_find_program_in_path ("chromium-browser");
  if (chromium == NULL || timeout == NULL)
    {
      g_test_skip ("chromium is not installed (build-aux/dev installs it): the HTML report was not printed");
      return NULL;
    }
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (html, "</style>", 2);

    g_assert_nonnull (parts[1]);
    a4_html = g_strconcat (parts[0], "@page{size:A4}</style>", parts[1], NULL);
  }
  g_assert_true (g_file_set_contents (a4_path, a4_html, -1, NULL));
  {
    const char *argv[] = { timeout, "120", chromium, "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-pdf-header-footer", user_data, print_to, uri, NULL };
    out = run_tool (argv);
  }
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
  return g_steal_pointer (&pdf_path);
}

/* The checks of a whole report: it prints in at most 15 A4 pages as
 * HTML and as PDF; one group per check, worst first; every finding in the
 * HTML in its group, every failed one in the PDF's text. */
static void
assert_review_report (DmReport   *report,
                      const char *dir)
{
  g_autofree char *html_path = g_build_filename (dir, "report.html", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GPtrArray) failed = report_groups (report, TRUE);
  g_autoptr(GPtrArray) others = report_groups (report, FALSE);
  g_autofree char *html = NULL;
  g_autofree char *gaps = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dm_report_write (report, html_path, DM_REPORT_HTML, &error));
  g_assert_no_error (error);
  g_assert_true (dm_report_write (report, pdf_path, DM_REPORT_PDF, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));

  gaps = gaps_section (html);
  assert_worst_first (gaps);
  assert_groups_complete (gaps, failed);
  if (others->len)
    {
      g_autofree char *rest = html_section (html, "other-findings");
      assert_groups_complete (rest, others);
    }

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed: the pages were not counted");
      return;
    }
  g_test_message ("PDF report: %u pages", pdfinfo_pages (pdfinfo, pdf_path));
  g_assert_cmpuint (pdfinfo_pages (pdfinfo, pdf_path), <=, 15);
  {
    const char *argv[] = { pdftotext, pdf_path, "-", NULL };
    g_autofree char *text = run_tool (argv);
    g_autofree char *flat = NULL;

    g_assert_nonnull (text);
    flat = without_spaces (text);
    for (guint i = 0; i < failed->len; i++)
      {
        GPtrArray *findings = dm_finding_group_get_findings (g_ptr_array_index (failed, i));
        g_autofree char *title = without_spaces (dm_finding_group_get_title (g_ptr_array_index (failed, i)));

        g_assert_nonnull (strstr (flat, title));
        for (guint k = 0; k < findings->len; k++)
          {
            g_autofree char *resource = without_spaces (dm_finding_get_resource (g_ptr_array_index (findings, k)));
            g_assert_nonnull (strstr (flat, resource));
          }
      }
  }

  /* The PDF's gap lines, in the order they are drawn: worst first. */
  {
    const char *argv[] = { pdftotext, "-raw", pdf_path, "-", NULL };
    g_autofree char *text = run_tool (argv);
    const char *start = text ? strstr (text, "Gaps, worst first\n") : NULL;
    const char *end = start ? strstr (start, "Who owns what, service by service") : NULL;
    g_autofree char *section = NULL;
    g_auto(GStrv) lines = NULL;
    int previous = DM_SEVERITY_CRITICAL + 1;
    guint rows = 0;

    g_assert_nonnull (end);
    section = g_strndup (start, end - start);
    lines = g_strsplit (section, "\n", -1);
    for (guint i = 0; lines[i]; i++)
      for (int s = DM_SEVERITY_UNKNOWN; s <= DM_SEVERITY_CRITICAL; s++)
        if (g_str_has_prefix (lines[i], dm_severity_to_label (s)) && lines[i][strlen (dm_severity_to_label (s))] == ' ')
          {
            g_assert_cmpint (s, <=, previous);
            previous = s;
            rows++;
          }
    g_assert_cmpuint (rows, ==, failed->len);
  }

  if ((printed = print_html (dir, html_path)) != NULL)
    {
      g_test_message ("HTML report printed on A4: %u pages", pdfinfo_pages (pdfinfo, printed));
      g_assert_cmpuint (pdfinfo_pages (pdfinfo, printed), <=, 15);
    }
}

static void
test_reports_and_resources (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  g_autofree char *html = NULL;
  g_autofree char *md = NULL;
  gsize length;

  html = write_and_read (f, report, "report.html", FALSE, NULL, &length);
  md = write_and_read (f, report, "report.md", FALSE, NULL, &length);
  g_assert_nonnull (strstr (html, "Prowler (prowler-ocsf-scan.json), Prowler (prowler-asff-scan.json)"));
  /* Markdown escapes its punctuation. */
  g_assert_nonnull (strstr (md, "Reported by: Prowler \\(prowler\\-ocsf\\-scan.json\\), Prowler \\(prowler\\-asff\\-scan.json\\)"));
  g_assert_nonnull (strstr (html, "<strong>Also on:</strong> <code>arn:aws:ec2:eu-west-1:111122223333:network-interface/eni-0bbb</code>"));
  g_assert_nonnull (strstr (md, "Also on: arn:aws:ec2:eu\\-west\\-1:111122223333:network\\-interface/eni\\-0bbb"));
}

/* One list of hidden characters for reports and the terminal: marks and
 * separators a reader would not see are shown, in HTML and Markdown. */
static void
test_hidden_characters (void)
{
  const char *hostile = "a\u200Eb\u061Cc\u2028d\u202Ee\x1b[31mf";
  g_autofree char *html = dm_report_escape_html (hostile);
  g_autofree char *md = dm_report_escape_markdown (hostile);
  const char *codes[] = { "200E", "061C", "2028", "202E", "001B" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *in_html = g_strdup_printf ("[U+%s]", codes[i]);
      /* Markdown escapes the brackets and the plus. */
      g_autofree char *in_md = g_strdup_printf ("\\[U\\+%s\\]", codes[i]);

      g_assert_nonnull (strstr (html, in_html));
      g_assert_nonnull (strstr (md, in_md));
    }
  g_assert_true (dm_text_is_hidden (0x2029));
  g_assert_false (dm_text_is_hidden ('\n'));
  g_assert_false (dm_text_is_hidden (0x00E9));
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  g_autofree char *html = NULL;
  g_autofree char *gaps = NULL;
  guint services = n_services_in_export (f, report);
  gsize length;

  html = write_and_read (f, report, "report.html", FALSE, NULL, &length);
  gaps = gaps_section (html);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_true (g_utf8_validate (html, length, NULL));
  g_assert_cmpuint (services, ==, 11);

  /* The matrix, then a section and an embedded diagram per service in the export. */
  g_assert_cmpuint (count (html, "<section class=\"service\""), ==, services);
  g_assert_cmpuint (count (html, "src=\"data:image/svg+xml;base64,"), ==, services + 1);
  g_assert_nonnull (strstr (html, "<h2 id=\"matrix\">"));

  /* Self-contained: nothing to fetch, nothing to run. */
  g_assert_cmpuint (count (html, "<script"), ==, 0);
  g_assert_cmpuint (count (html, "<link"), ==, 0);
  g_assert_cmpuint (count (html, "src=\"http"), ==, 0);
  g_assert_cmpuint (count (html, "@import"), ==, 0);
  /* Margins for print, the paper size left to the reader (A4 or Letter). */
  g_assert_nonnull (strstr (html, "@page{margin:18mm}"));
  g_assert_null (strstr (html, "size:A4"));
  g_assert_null (strstr (html, "size:letter"));

  /* Gaps grouped by check, with evidence and remediation; no-data layers
   * said as such. */
  g_assert_cmpuint (count (html, "<div class=\"finding\">"), ==, 0);
  g_assert_cmpuint (count_failed_groups (report), >, 0);
  g_assert_cmpuint (count (gaps, "<details class=\"group\">"), ==, count_failed_groups (report));
  g_assert_nonnull (strstr (html, "HttpTokens is optional."));
  g_assert_nonnull (strstr (html, "Require IMDSv2"));
  g_assert_nonnull (strstr (html, "? No data"));
  g_assert_nonnull (strstr (html, "EC2.8"));
  /* Page 1: the executive summary, before the inputs. */
  g_assert_nonnull (strstr (html, "<section id=\"executive-summary\">"));
  g_assert_true (strstr (html, "id=\"executive-summary\"") < strstr (html, "id=\"inputs\""));
  g_assert_nonnull (strstr (html, "Top risks, and what to do"));
  /* Each file with its tools and date. */
  g_assert_nonnull (strstr (html, "tools: GuardDuty, Security Hub"));
  /* The export's own dates (its findings' UpdatedAt), not the file's. */
  g_assert_nonnull (strstr (html, " · exported 20 November 2026 to 21 November 2026"));
  g_assert_nonnull (strstr (html, "<table class=\"severities\">"));

  /* The worst checks come first. */
  assert_worst_first (gaps);
  /* One colour scale, and the word beside it. */
  for (DmSeverity s = DM_SEVERITY_INFORMATIONAL; s <= DM_SEVERITY_CRITICAL; s++)
    {
      g_autofree char *rule = g_strdup_printf (".%s{background:%s;color:%s}", dm_severity_colours (s)->css_class,
                                               dm_severity_colours (s)->background, dm_severity_colours (s)->foreground);
      g_assert_nonnull (strstr (html, rule));
    }
  g_assert_nonnull (strstr (html, "<span class=\"severity severity-high\">High</span>"));
  /* Owners are named as the model names them: AWS, not "Provider". */
  g_assert_nonnull (strstr (html, "<td>AWS</td>"));
}

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  g_autofree char *md = NULL;
  gsize length;
  guint groups = count_failed_groups (report);

  md = write_and_read (f, report, "report.md", FALSE, NULL, &length);
  g_assert_true (g_str_has_prefix (md, "# Shared responsibility report\n"));
  /* Executive summary, gaps, passed checks, then the services. */
  g_assert_cmpuint (count (md, "\n## "), ==, 3 + 11);
  g_assert_nonnull (strstr (md, "\n## Executive summary\n"));
  g_assert_nonnull (strstr (md, "### Top risks, and what to do"));
  g_assert_nonnull (strstr (md, "| Failed findings |"));
  /* The inputs, the services, then a five-column table per check (which
   * holds the four-column rule twice, overlapping). */
  g_assert_cmpuint (count (md, "|---|---|---|---|"), ==, 1 + 11 + 2 * (groups + count_other_groups (report)));
  g_assert_cmpuint (count (md, "|---|---|---|---|---|"), ==, groups + count_other_groups (report));
  g_assert_cmpuint (count (md, "<details><summary><strong>"), ==, groups + count_other_groups (report));
  /* No finding card per finding any more: the tables hold them. */
  g_assert_cmpuint (count (md, "  \n  Resource:"), ==, 0);
  /* Punctuation from the export is escaped, not formatting. */
  g_assert_nonnull (strstr (md, "HttpTokens is optional."));
  g_assert_nonnull (strstr (md, "| ⚠ Gap (High) |"));
}

static guint
pdf_pages (const char *pdf,
           gsize       length)
{
  g_autoptr(GRegex) regex = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  guint n = 0;

  g_regex_match_full (regex, pdf, length, 0, 0, &info, NULL);
  while (g_match_info_matches (info))
    {
      n++;
      g_match_info_next (info, NULL);
    }
  return n;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  g_autofree char *pdf = NULL;
  gsize length;

  pdf = write_and_read (f, report, "report.pdf", FALSE, NULL, &length);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* The summary, the gaps, the matrix, three services a page (11), the
   * appendix. */
  g_assert_cmpuint (pdf_pages (pdf, length), >=, 3 + 4 + 1);
  g_assert_cmpuint (pdf_pages (pdf, length), <=, 3 + 4 + 3);
}

static void
test_diagrams (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  DmService *s3 = dm_model_find_service (f->model, "s3");
  g_autofree char *svg = NULL;
  g_autofree char *all_svg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *png_path = g_build_filename (f->dir, "s3.png", NULL);
  cairo_surface_t *image;
  gsize length;

  /* SVG in px, sized for one diagram. */
  svg = write_and_read (f, report, "s3.svg", TRUE, s3, &length);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "width=\"560px\" height=\"510px\""));

  /* Every service in the export: a grid of three columns. */
  all_svg = write_and_read (f, report, "all.svg", TRUE, NULL, &length);
  g_assert_nonnull (strstr (all_svg, "width=\"1680px\" height=\"2040px\""));

  /* PDF: one page per service. */
  pdf = write_and_read (f, report, "all.pdf", TRUE, NULL, &length);
  g_assert_cmpuint (pdf_pages (pdf, length), ==, 11);

  /* PNG: drawn by the widget's painter, so not blank: the S3 data band's
   * customer blue appears. */
  png = write_and_read (f, report, "s3.png", TRUE, s3, &length);
  g_assert_true (memcmp (png, "\x89PNG\r\n\x1a\n", 8) == 0);
  image = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 560);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 510);
  {
    const guint8 *pixels = cairo_image_surface_get_data (image);
    int stride = cairo_image_surface_get_stride (image);
    guint blue = 0;

    for (int y = 0; y < 510; y++)
      for (int x = 0; x < 560; x++)
        {
          const guint8 *p = pixels + y * stride + x * 4;   /* BGRA */
          if (p[0] == 0xb4 && p[1] == 0x5f && p[2] == 0x1a)
            blue++;
        }
    g_assert_cmpuint (blue, >, 1000);
  }
  cairo_surface_destroy (image);
}

/* The compare matrix as an image: every service against every layer, and
 * the export's statuses by symbol in the customer's cells. */
static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *png_path = g_build_filename (f->dir, "matrix.png", NULL);
  g_autofree char *pdf_path = g_build_filename (f->dir, "matrix.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  cairo_surface_t *image;
  double width, height;
  gsize length;

  dm_report_paint_matrix (report, NULL, &width, &height);
  g_assert_cmpfloat (width, ==, 170 + dm_model_get_n_layers (f->model) * 78 + 16);
  g_assert_cmpfloat (height, ==, 78 + dm_model_get_n_services (f->model) * 30 + 16);

  {
    g_autofree char *path = g_build_filename (f->dir, "matrix.svg", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_true (dm_report_write_matrix (report, path, DM_REPORT_SVG, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  }
  expected = g_strdup_printf ("width=\"%gpx\" height=\"%gpx\"", width, height);
  g_assert_nonnull (strstr (svg, expected));

  g_assert_true (dm_report_write_matrix (report, png_path, DM_REPORT_PNG, NULL));
  image = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int)width);
  {
    const guint8 *pixels = cairo_image_surface_get_data (image);
    int stride = cairo_image_surface_get_stride (image);
    guint customer = 0, provider = 0;

    for (int y = 0; y < cairo_image_surface_get_height (image); y++)
      for (int x = 0; x < cairo_image_surface_get_width (image); x++)
        {
          const guint8 *p = pixels + y * stride + x * 4;   /* BGRA */
          if (p[0] == 0xb4 && p[1] == 0x5f && p[2] == 0x1a)
            customer++;
          else if (p[0] == 0x00 && p[1] == 0x61 && p[2] == 0xe6)
            provider++;
        }
    g_assert_cmpuint (customer, >, 10000);
    g_assert_cmpuint (provider, >, 10000);
  }
  cairo_surface_destroy (image);

  g_assert_true (dm_report_write_matrix (report, pdf_path, DM_REPORT_PDF, NULL));
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the matrix PDF's text was not read");
      return;
    }
  {
    const char *argv[] = { pdftotext, pdf_path, "-", NULL };
    g_autofree char *out = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, NULL, NULL));
    /* Gaps, passes and silence, by symbol as well as colour. */
    g_assert_nonnull (strstr (out, "⚠ Customer"));
    g_assert_nonnull (strstr (out, "✓ Customer"));
    g_assert_nonnull (strstr (out, "? Customer"));
    g_assert_nonnull (strstr (out, "n/a"));
  }
}

static void
test_hostile_names (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  g_autofree char *html = NULL;
  g_autofree char *md = NULL;
  g_autofree char *pdf = NULL;
  gsize length;

  html = write_and_read (f, report, "hostile.html", FALSE, NULL, &length);
  g_assert_cmpuint (count (html, "<script"), ==, 0);
  g_assert_cmpuint (count (html, "<img src=x"), ==, 0);
  g_assert_cmpuint (count (html, "<svg onload"), ==, 0);
  g_assert_cmpuint (count (html, "</section><script"), ==, 0);
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &apos;single&apos;"));
  /* A right-to-left override cannot reorder the page: it is shown. */
  g_assert_null (strstr (html, "\u202e"));
  g_assert_nonnull (strstr (html, "[U+202E]exe.txt"));
  g_assert_nonnull (strstr (html, "[U+0007]bell"));
  /* The finding that maps nowhere is listed with the gaps, not dropped,
   * and said to be on no layer. */
  {
    g_autofree char *gaps = gaps_section (html);

    g_assert_nonnull (strstr (gaps, "Unmapped &lt;/section&gt;&lt;script&gt;"));
    g_assert_nonnull (strstr (gaps, "on no layer of the model"));
  }

  md = write_and_read (f, report, "hostile.md", FALSE, NULL, &length);
  g_assert_cmpuint (count (md, "<script"), ==, 0);
  g_assert_cmpuint (count (md, "<b>"), ==, 0);
  g_assert_null (strstr (md, "\u202e"));
  g_assert_nonnull (strstr (md, "\\| pipes \\|"));
  g_assert_nonnull (strstr (md, "\\[links\\]\\(http://evil.example\\)"));

  /* PDF text is plain Pango text: writing it must simply work. */
  pdf = write_and_read (f, report, "hostile.pdf", FALSE, NULL, &length);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

/* The severity table names each customer layer in whole words: no
 * "infrastr-ucture" where a column was too narrow. */
static void
assert_layer_words_whole (DmReport   *report,
                          const char *text)
{
  g_autoptr(DmReviewSummary) summary = dm_review_summary_new (report, 5);

  g_assert_cmpuint (dm_review_summary_get_n_columns (summary), >, 5);
  for (guint c = 0; c < dm_review_summary_get_n_columns (summary); c++)
    {
      const char *name = dm_layer_get_name (dm_review_summary_get_column (summary, c));
      g_auto(GStrv) words = g_strsplit (name, " ", -1);

      for (guint w = 0; words[w]; w++)
        {
          g_test_message ("%s: %s", name, words[w]);
          g_assert_nonnull (strstr (text, words[w]));
        }
    }
}

/* The PDF's inputs: after the executive summary, before the gaps, read
 * back as a reader would. */
static void
assert_inputs_pdf (DmReport   *report,
                   const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf_path = g_build_filename (dir, "inputs.pdf", NULL);
  const char *argv[] = { pdftotext, "-f", "1", "-l", "2", "-nopgbrk", pdf_path, "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *flat = NULL;
  int status;

  g_assert_true (dm_report_write (report, pdf_path, DM_REPORT_PDF, &error));
  g_assert_no_error (error);
  if (pdftotext != NULL)
    {
      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      /* Lines wrap where the page ends them. */
      flat = g_strdelimit (g_strdup (out), "\n", ' ');
      g_assert_nonnull (strstr (flat, "Executive summary"));
      g_assert_true (strstr (flat, "Executive summary") < strstr (flat, "All inputs: 21 items: "));
      g_assert_null (strstr (flat, "Gaps, worst first"));
      g_assert_nonnull (strstr (flat, "<b>odd|name*[x].json (asff)"));
      g_assert_nonnull (strstr (flat, "4 not AWS, 0 not read"));
      g_assert_nonnull (strstr (flat, "Nothing read from this file."));
      g_assert_nonnull (strstr (flat, "not read: 1 × no Demarc check reads this yet"));
      g_assert_nonnull (strstr (flat, "All inputs: 21 items: "));
      assert_layer_words_whole (report, flat);
    }
  g_unlink (pdf_path);
}

/* Page 1 says, for every input, how its items were used, with the reasons
 * for those not read and a total; a file that gave nothing says so. File
 * names come from the user's disk: they are escaped like any export text. */
static void
test_inputs_page_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmModel) model = dm_model_new_default (&error);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (&error);
  g_autoptr(DmImporter) importer = dm_importer_new (catalogue);
  g_autoptr(DmReport) report = NULL;
  g_autofree char *dir = g_dir_make_tmp ("demarc-inputs-XXXXXX", &error);
  g_autofree char *hostile = g_build_filename (dir, "<b>odd|name*[x].json", NULL);
  g_autofree char *mixed = test_fixture_path ("asff-mixed.json");
  g_autofree char *contents = NULL;
  g_autofree char *html = NULL;
  g_autofree char *md = NULL;
  const char *names[] = { "prowler-ocsf-multicloud.json", "cli-unknown.json" };
  gsize length;
  char *end;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (mixed, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (hostile, contents, length, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (hostile);

    g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = test_fixture_path (names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
    }
  report = dm_report_new (model, catalogue, importer, FALSE);

  /* HTML: page 1 ends where the matrix begins. */
  html = dm_report_to_html (report);
  end = strstr (html, "<h2 id=\"matrix\">");
  g_assert_nonnull (end);
  *end = '\0';
  g_assert_nonnull (strstr (html, "<code>") );
  g_assert_null (strstr (html, "<b>odd"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;odd|name*[x].json"));
  g_assert_nonnull (strstr (html, "13 items: 7 failed, 1 passed, 1 informational, 2 suppressed, 0 duplicates, "
                                  "0 not AWS, 2 not read"));
  g_assert_nonnull (strstr (html, "7 items: 1 failed, 1 passed, 1 informational, 0 suppressed, 0 duplicates, "
                                  "4 not AWS, 0 not read"));
  /* Reasons in <details>: no script, and they print. */
  g_assert_nonnull (strstr (html, "<details><summary>2 not read</summary><ul><li>1 × not a JSON object</li>"
                                  "<li>1 × not a finding or resource Demarc reads</li></ul></details>"));
  g_assert_nonnull (strstr (html, "<td class=\"gap\"><strong>Nothing read from this file.</strong><br>1 item: "));
  g_assert_nonnull (strstr (html, "1 × no Demarc check reads this yet"));
  g_assert_cmpuint (count (html, "Nothing read from this file."), ==, 1);
  g_assert_nonnull (strstr (html, "<th colspan=\"2\">All inputs</th><td>21 items: 8 failed, 2 passed, "
                                  "2 informational, 2 suppressed, 0 duplicates, 4 not AWS, 3 not read</td>"));

  /* Markdown: page 1 ends at the first service. */
  md = dm_report_to_markdown (report);
  end = strstr (strstr (md, "\n## ") + 1, "\n## ");
  g_assert_nonnull (end);
  *end = '\0';
  g_assert_null (strstr (md, "<b>odd"));
  g_assert_nonnull (strstr (md, "&lt;b&gt;odd\\|name\\*\\[x\\].json | asff | 13 items: 7 failed, 1 passed, "
                                "1 informational, 2 suppressed, 0 duplicates, 0 not AWS, 2 not read | "
                                "1 × not a JSON object<br>1 × not a finding or resource Demarc reads |"));
  g_assert_nonnull (strstr (md, "prowler\\-ocsf | 7 items: 1 failed, 1 passed, 1 informational, 0 suppressed, "
                                "0 duplicates, 4 not AWS, 0 not read | – |"));
  g_assert_nonnull (strstr (md, "| **Nothing read from this file.**<br>1 item: "));
  g_assert_nonnull (strstr (md, "| **All inputs** | | 21 items: "));

  assert_inputs_pdf (report, dir);

  g_unlink (hostile);
  g_rmdir (dir);
}

/* Identifiers in redact-sample.json and bundle-more-checks.json. */
static const char *originals[] = {
  "111122223333", "444455556666", "marketing-assets", "alice@example.com", "203.0.113.9",
  "2001:db8:85a3::8a2e:370:7334", "AKIAIOSFODNN7EXAMPLE", "sg-0123456789abcdef0", "i-0abc12345678def90",
  "thumbnailer", "shop-prod", "snap-0public", "i-0aaa",
};

static void
assert_no_original (const char *what,
                    const char *text)
{
  for (guint o = 0; o < G_N_ELEMENTS (originals); o++)
    if (strstr (text, originals[o]))
      g_error ("%s still holds %s", what, originals[o]);
}

static void
test_redacted_exports (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, TRUE);
  g_autoptr(DmReport) plain = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  const char *text_exports[] = { "r.html", "r.md" };
  g_autofree char *plain_html = NULL;
  g_autofree char *pdf_path = g_build_filename (f->dir, "r.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize length;

  /* The fixture does hold the originals: the test can fail. */
  plain_html = write_and_read (f, plain, "plain.html", FALSE, NULL, &length);
  for (guint o = 0; o < G_N_ELEMENTS (originals); o++)
    if (strstr (plain_html, originals[o]) == NULL)
      g_error ("the unredacted report lacks %s", originals[o]);

  for (guint i = 0; i < G_N_ELEMENTS (text_exports); i++)
    {
      g_autofree char *text = write_and_read (f, report, text_exports[i], FALSE, NULL, &length);
      g_autoptr(GString) unescaped = g_string_new (text);

      /* Markdown escapes hyphens; an original must not hide behind one either. */
      g_string_replace (unescaped, "\\", "", 0);
      assert_no_original (text_exports[i], unescaped->str);
      g_assert_nonnull (strstr (unescaped->str, "account-1"));
      g_assert_nonnull (strstr (unescaped->str, "bucket-1"));
    }

  {
    g_autofree char *svg = write_and_read (f, report, "all.svg", TRUE, NULL, &length);
    g_autofree char *pdf = write_and_read (f, report, "r.pdf", FALSE, NULL, &length);

    assert_no_original ("all.svg", svg);
  }

  /* PDF text is in compressed streams: read it back as a reader would. */
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the PDF's text was not searched");
      return;
    }
  {
    const char *argv[] = { pdftotext, pdf_path, "-", NULL };
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "account-1"));
    assert_no_original ("r.pdf", out);
  }
}

static void
test_redacted_cli (void)
{
  g_autofree char *sample = test_fixture_path ("redact-sample.json");
  g_autofree char *bundle = test_fixture_path ("bundle-more-checks.json");
  g_autofree char *out = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { DEMARC_CHECK, "--redact", "--format", "json", sample, bundle, NULL };
  const char *plain_argv[] = { DEMARC_CHECK, "--format", "json", sample, bundle, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)plain_argv, NULL, 0, NULL, NULL, &plain, NULL, &status, &error));
  g_assert_nonnull (strstr (plain, "marketing-assets"));
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  assert_no_original ("demarc-check --redact --format json", out);
  g_assert_nonnull (strstr (out, "\"path\": \"redact-sample.json\""));
}

static void
test_model_only_diagram (void)
{
  g_autofree char *dir = g_dir_make_tmp ("demarc-diagram-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lambda.svg", NULL);
  g_autofree char *svg = NULL;
  const char *argv[] = { DEMARC_CHECK, "--diagram", path, "--service", "lambda", NULL };
  const char *bad[] = { DEMARC_CHECK, "--diagram", "x.txt", "--service", "lambda", NULL };
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_unlink (path);
  g_rmdir (dir);

  g_assert_true (g_spawn_sync (NULL, (char **)bad, NULL, 0, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, ".svg, .png or .pdf"));
}

/* The one table that decides, for a kind and a name, which writer runs. */
static void
test_export_accepts (void)
{
  static const struct
  {
    DmReportKind   kind;
    const char    *path;
    gboolean       accepted;
    DmReportFormat format;
  } cases[] = {
    { DM_REPORT_KIND_REPORT, "r.html", TRUE, DM_REPORT_HTML },
    { DM_REPORT_KIND_REPORT, "R.HTM", TRUE, DM_REPORT_HTML },
    { DM_REPORT_KIND_REPORT, "r.md", TRUE, DM_REPORT_MARKDOWN },
    { DM_REPORT_KIND_REPORT, "r.Markdown", TRUE, DM_REPORT_MARKDOWN },
    { DM_REPORT_KIND_REPORT, "r.pdf", TRUE, DM_REPORT_PDF },
    /* The window once wrote the diagram grid for a report named .svg. */
    { DM_REPORT_KIND_REPORT, "r.svg", FALSE },
    { DM_REPORT_KIND_REPORT, "r.png", FALSE },
    { DM_REPORT_KIND_REPORT, "r.txt", FALSE },
    { DM_REPORT_KIND_DIAGRAM, "d.svg", TRUE, DM_REPORT_SVG },
    { DM_REPORT_KIND_DIAGRAM, "d.PNG", TRUE, DM_REPORT_PNG },
    { DM_REPORT_KIND_DIAGRAM, "d.pdf", TRUE, DM_REPORT_PDF },
    { DM_REPORT_KIND_DIAGRAM, "d.html", FALSE },
    { DM_REPORT_KIND_DIAGRAM, "d.md", FALSE },
    { DM_REPORT_KIND_MATRIX, "m.svg", TRUE, DM_REPORT_SVG },
    { DM_REPORT_KIND_MATRIX, "m.png", TRUE, DM_REPORT_PNG },
    { DM_REPORT_KIND_MATRIX, "m.pdf", TRUE, DM_REPORT_PDF },
    { DM_REPORT_KIND_MATRIX, "m.htm", FALSE },
    { DM_REPORT_KIND_DIFF, "c.html", TRUE, DM_REPORT_HTML },
    { DM_REPORT_KIND_DIFF, "c.md", TRUE, DM_REPORT_MARKDOWN },
    { DM_REPORT_KIND_DIFF, "c.pdf", FALSE },
    { DM_REPORT_KIND_DIFF, "c.svg", FALSE },
    { DM_REPORT_KIND_REPORT, "html", FALSE },   /* an ending, not a name */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DmReportFormat format = (DmReportFormat)-1;

      g_test_message ("%u: %s", cases[i].kind, cases[i].path);
      g_assert_cmpint (dm_report_export_accepts (cases[i].kind, cases[i].path, &format), ==, cases[i].accepted);
      if (cases[i].accepted)
        g_assert_cmpint (format, ==, cases[i].format);
      else
        g_assert_cmpint (format, ==, (DmReportFormat)-1);
    }
}

static char *
export_and_read (Fixture       *f,
                 DmReport      *report,
                 DmReportKind   kind,
                 const char    *name,
                 gsize         *length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (dm_report_export (report, kind, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Each kind runs its own writer; a name the kind does not take is refused
 * and leaves what was there. */
static void
test_export_writers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DmReport) report = dm_report_new (f->model, f->catalogue, f->importer, FALSE);
  gsize pdf_length, matrix_length;
  g_autofree char *html = export_and_read (f, report, DM_REPORT_KIND_REPORT, "report.html", NULL);
  g_autofree char *md = export_and_read (f, report, DM_REPORT_KIND_REPORT, "report.md", NULL);
  g_autofree char *pdf = export_and_read (f, report, DM_REPORT_KIND_REPORT, "report.pdf", &pdf_length);
  g_autofree char *diagram = export_and_read (f, report, DM_REPORT_KIND_DIAGRAM, "diagram.svg", NULL);
  g_autofree char *matrix = export_and_read (f, report, DM_REPORT_KIND_MATRIX, "matrix.pdf", &matrix_length);
  g_autofree char *svg_path = g_build_filename (f->dir, "report.svg", NULL);
  g_autofree char *html_path = g_build_filename (f->dir, "diagram.html", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_true (g_str_has_prefix (md, "# Shared responsibility report"));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* The report's pages (a summary, the matrix, the services), not one image. */
  g_assert_cmpuint (pdf_pages (pdf, pdf_length), >=, 3);
  g_assert_true (g_str_has_prefix (diagram, "<?xml"));
  g_assert_true (g_str_has_prefix (matrix, "%PDF-"));
  g_assert_cmpuint (pdf_pages (matrix, matrix_length), ==, 1);

  /* A report named .svg is an error, not the diagram grid; the old file stays. */
  g_assert_true (g_file_set_contents (svg_path, "old", -1, NULL));
  g_assert_false (dm_report_export (report, DM_REPORT_KIND_REPORT, NULL, svg_path, &error));
  g_assert_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "HTML, Markdown or PDF"));
  g_assert_true (g_file_get_contents (svg_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");
  g_clear_error (&error);

  g_assert_false (dm_report_export (report, DM_REPORT_KIND_DIAGRAM, NULL, html_path, &error));
  g_assert_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT);
  g_assert_false (g_file_test (html_path, G_FILE_TEST_EXISTS));
}

static GListModel *
import_one (DmCatalogue *catalogue,
            const char  *name,
            DmImporter **importer)
{
  g_autofree char *path = test_fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  *importer = dm_importer_new (catalogue);
  g_assert_true (dm_importer_add_file (*importer, file, NULL, &error));
  g_assert_no_error (error);
  return dm_importer_get_findings (*importer);
}

/* The whole-account scan of tests/make-account-scan.py, made now. */
static char *
make_account_scan (const char *dir)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "make-account-scan.py", NULL);
  char *path = g_build_filename (dir, "account-scan.ocsf.json", NULL);
  const char *argv[] = { python, script, path, NULL };
  g_autofree char *out = NULL;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed: the whole-account scan was not made");
      g_free (path);
      return NULL;
    }
  out = run_tool (argv);
  g_assert_nonnull (out);
  return path;
}

static DmFindingGroup *
find_group (GPtrArray  *groups,
            const char *title)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (dm_finding_group_get_title (g_ptr_array_index (groups, i)), title))
      return g_ptr_array_index (groups, i);
  return NULL;
}

/* A scan like a real account's (731 results in 46 pages of PDF before):
 * short reports, grouped, ranked, nothing left out. */
static void
test_account_scan (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = make_account_scan (f->dir);
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(DmReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GHashTable) checks = g_hash_table_new (g_str_hash, g_str_equal);
  const DmImportInput *input;
  DmFindingGroup *group;

  if (path == NULL)
    return;
  importer = dm_importer_new (f->catalogue);
  file = g_file_new_for_path (path);
  g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  input = dm_importer_get_input (importer, 0);
  g_assert_cmpuint (input->items, ==, 740);
  g_assert_cmpuint (input->by_status[DM_FINDING_FAILED], ==, 290);

  report = dm_report_new (f->model, f->catalogue, importer, FALSE);
  failed = report_groups (report, TRUE);
  others = report_groups (report, FALSE);
  for (guint i = 0; i < failed->len; i++)
    g_hash_table_add (checks, (gpointer)dm_finding_group_get_title (g_ptr_array_index (failed, i)));
  /* One group per failed check: no title twice. */
  g_assert_cmpuint (g_hash_table_size (checks), ==, failed->len);
  for (guint i = 0; i < others->len; i++)
    g_hash_table_add (checks, (gpointer)dm_finding_group_get_title (g_ptr_array_index (others, i)));
  g_assert_cmpuint (g_hash_table_size (checks), ==, 60);

  /* The check failed in every region, and the one on 51 resources. */
  group = find_group (failed, "EBS default encryption is off");
  g_assert_nonnull (group);
  g_assert_cmpuint (dm_finding_group_get_n_findings (group), ==, 17);
  g_assert_cmpuint (dm_finding_group_get_n_regions (group), ==, 17);
  group = find_group (failed, "Network ACL allows ingress on every port");
  g_assert_nonnull (group);
  g_assert_cmpuint (dm_finding_group_get_n_resources (group), ==, 51);

  assert_review_report (report, f->dir);
}

/* The same on the shared Prowler and ScoutSuite samples. */
static void
assert_shared_samples (Fixture    *f,
                       const char *tool,
                       const char *extra)
{
  g_autofree char *folder = g_build_filename (SHARED_DIR, "samples", tool, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(DmImporter) importer = NULL;
  g_autoptr(DmReport) report = NULL;
  const char *name;
  guint read = 0;

  if (dir == NULL)
    {
      g_test_skip ("../shared/samples is not there: the shared samples were not reported");
      return;
    }
  importer = dm_importer_new (f->catalogue);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      if (dm_importer_add_file (importer, file, NULL, &error))
        read++;
      else
        g_test_message ("%s: %s", name, error->message);
    }
  g_assert_cmpuint (read, >, 0);
  if (extra)
    {
      g_autofree char *path = test_fixture_path (extra);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_true (dm_importer_add_file (importer, file, NULL, &error));
      g_assert_no_error (error);
    }
  report = dm_report_new (f->model, f->catalogue, importer, FALSE);
  g_assert_cmpuint (count_failed_groups (report), >, 0);
  assert_review_report (report, f->dir);
}

static void
test_shared_prowler (Fixture       *f,
                     gconstpointer  data)
{
  assert_shared_samples (f, "prowler", NULL);
}

static void
test_shared_scoutsuite (Fixture       *f,
                        gconstpointer  data)
{
  /* The shared ScoutSuite files are partial results that no check reads
   * yet (their items are listed as not read); a full results file of the
   * same tool gives the report its gaps. */
  assert_shared_samples (f, "scoutsuite", "scoutsuite_results_aws-111122223333.js");
}

static void
test_diff (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) old_importer = NULL;
  g_autoptr(DmImporter) new_importer = NULL;
  GListModel *old_findings = import_one (catalogue, "diff-old.json", &old_importer);
  GListModel *new_findings = import_one (catalogue, "diff-new.json", &new_importer);
  g_autoptr(DmDiff) diff = dm_diff_new (model, catalogue, old_findings, new_findings);
  DmService *ec2 = dm_model_find_service (model, "ec2");
  DmService *lambda = dm_model_find_service (model, "lambda");
  DmService *s3 = dm_model_find_service (model, "s3");
  DmLayer *os = dm_model_find_layer (model, "os");
  DmLayer *iam = dm_model_find_layer (model, "iam");
  DmChangeCounts counts;

  dm_diff_get_totals (diff, &counts);
  g_assert_cmpuint (counts.opened, ==, 2);     /* the Lambda gap and one unmapped */
  g_assert_cmpuint (counts.closed, ==, 1);     /* IMDSv1 fixed */
  g_assert_cmpuint (counts.unchanged, ==, 1);  /* the bucket */

  dm_diff_get_layer_counts (diff, ec2, os, &counts);
  g_assert_cmpuint (counts.closed, ==, 1);
  g_assert_cmpint (dm_assessment_get_result (dm_diff_get_old (diff), ec2, os)->status, ==, DM_LAYER_GAP);
  g_assert_cmpint (dm_assessment_get_result (dm_diff_get_new (diff), ec2, os)->status, ==, DM_LAYER_OK);
  dm_diff_get_layer_counts (diff, lambda, iam, &counts);
  g_assert_cmpuint (counts.opened, ==, 1);
  g_assert_cmpuint (counts.closed + counts.unchanged, ==, 0);
  /* The bucket's Block Public Access gap, on its IAM layer, in both. */
  dm_diff_get_layer_counts (diff, s3, iam, &counts);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_true (dm_diff_has_service (diff, lambda));
  g_assert_false (dm_diff_has_service (diff, dm_model_find_service (model, "sqs")));

  /* A comparison is written as HTML or Markdown, never as PDF. */
  {
    g_autofree char *dir = g_dir_make_tmp ("demarc-diff-XXXXXX", NULL);
    g_autofree char *md_path = g_build_filename (dir, "diff.MD", NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "diff.pdf", NULL);
    g_autofree char *md = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (dm_report_export_diff (diff, model, FALSE, md_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
    g_assert_true (g_str_has_prefix (md, "# What changed between two exports"));
    g_assert_false (dm_report_export_diff (diff, model, FALSE, pdf_path, &error));
    g_assert_error (error, DM_REPORT_ERROR, DM_REPORT_ERROR_FORMAT);
    g_assert_false (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
    g_unlink (md_path);
    g_rmdir (dir);
  }
}

/* @findings, last first: so that worst first is not the file's order. */
static GListModel *
reversed (GListModel *findings)
{
  GListStore *store = g_list_store_new (DM_TYPE_FINDING);

  for (guint i = g_list_model_get_n_items (findings); i > 0; i--)
    {
      g_autoptr(DmFinding) finding = g_list_model_get_item (findings, i - 1);

      g_list_store_append (store, finding);
    }
  return G_LIST_MODEL (store);
}

static void
assert_before (const char *text,
               const char *first,
               const char *second)
{
  const char *a = strstr (text, first);
  const char *b = a ? strstr (text, second) : NULL;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_true (a < b);
}

/* The diff report and a report made with a comparison: both sides named,
 * the opened gaps worst first whatever the file's order. */
static void
test_diff_worst_first (void)
{
  g_autoptr(DmModel) model = dm_model_new_default (NULL);
  g_autoptr(DmCatalogue) catalogue = dm_catalogue_new_default (NULL);
  g_autoptr(DmImporter) old_importer = NULL;
  g_autoptr(DmImporter) new_importer = NULL;
  GListModel *old_findings = import_one (catalogue, "diff-old.json", &old_importer);
  g_autoptr(GListModel) new_findings = reversed (import_one (catalogue, "diff-new.json", &new_importer));
  g_autoptr(DmDiff) diff = dm_diff_new (model, catalogue, old_findings, new_findings);
  g_autoptr(DmReport) report = dm_report_new (model, catalogue, new_importer, FALSE);
  g_autoptr(DmReport) copy = NULL;
  g_autofree char *plain = dm_report_to_html (report);
  g_autofree char *html = NULL;
  g_autofree char *md = NULL;
  g_autofree char *diff_html = NULL;
  g_autofree char *diff_md = NULL;
  g_autoptr(GPtrArray) opened = NULL;

  dm_diff_set_labels (diff, "diff-old.json <b>, 1 November 2026", "diff-new.json, 2 November 2026");
  /* The new export lists the low gap first; the critical one leads. */
  opened = dm_diff_get_groups (diff, DM_CHANGE_OPENED);
  g_assert_cmpuint (opened->len, ==, 2);
  g_assert_cmpint (dm_finding_group_get_severity (g_ptr_array_index (opened, 0)), ==, DM_SEVERITY_CRITICAL);
  g_assert_cmpint (dm_finding_group_get_severity (g_ptr_array_index (opened, 1)), ==, DM_SEVERITY_LOW);

  diff_html = dm_report_diff_to_html (diff, model, FALSE);
  g_assert_nonnull (strstr (diff_html, "Older: diff-old.json &lt;b&gt;, 1 November 2026"));
  g_assert_nonnull (strstr (diff_html, "Newer: diff-new.json, 2 November 2026"));
  g_assert_null (strstr (diff_html, "<b>"));
  assert_before (diff_html, "Gaps opened, worst first", "Function thumbnailer is public");
  assert_before (diff_html, "Function thumbnailer is public", "A custom check nobody maps");
  assert_before (diff_html, "A custom check nobody maps", "<h2>Gaps closed</h2>");
  assert_before (diff_html, "<h2>Gaps closed</h2>", "Instance accepts IMDSv1");
  diff_md = dm_report_diff_to_markdown (diff, model, FALSE);
  g_assert_nonnull (strstr (diff_md, "Newer: diff\\-new.json, 2 November 2026"));
  assert_before (diff_md, "Function thumbnailer is public", "A custom check nobody maps");
  assert_before (diff_md, "A custom check nobody maps", "## Gaps closed");

  /* Without a comparison, no changes section. */
  g_assert_null (strstr (plain, "id=\"changes\""));
  g_assert_null (strstr (plain, "diff-old.json"));

  dm_report_set_diff (report, diff);
  copy = dm_report_copy (report);
  g_assert_true (dm_report_get_diff (copy) == diff);
  html = dm_report_to_html (copy);
  g_assert_nonnull (strstr (html, "<section id=\"changes\">"));
  assert_before (html, "Executive summary", "Older export: <strong>diff-old.json &lt;b&gt;, 1 November 2026</strong>");
  g_assert_nonnull (strstr (html, "This export: <strong>diff-new.json, 2 November 2026</strong>"));
  g_assert_nonnull (strstr (html, "Gaps opened: <strong>2</strong>"));
  g_assert_nonnull (strstr (html, "Still failing: <strong>1</strong>"));
  /* The executive summary names the worst gaps too: look after it. */
  assert_before (strstr (html, "id=\"changes\""), "Function thumbnailer is public", "A custom check nobody maps");
  assert_before (strstr (html, "id=\"changes\""), "A custom check nobody maps", "<h3>Gaps fixed</h3>");
  assert_before (html, "<h3>Gaps fixed</h3>", "Instance accepts IMDSv1");
  /* The fixed gap is placed by the older export, where it was. */
  g_assert_nonnull (strstr (html, "Amazon EC2 · "));
  md = dm_report_to_markdown (copy);
  g_assert_nonnull (strstr (md, "## Changes since the older export"));
  g_assert_nonnull (strstr (md, "- Older export: diff\\-old.json &lt;b&gt;"));
  assert_before (strstr (md, "## Changes since"), "### Gaps opened, worst first\n\n1. **Critical** · Function thumbnailer is public",
                 "2. **Low** · A custom check nobody maps");

  /* The PDF has the same section, on its first pages. */
  {
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    g_autofree char *dir = g_dir_make_tmp ("demarc-changes-XXXXXX", NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "changes.pdf", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (dm_report_write (copy, pdf_path, DM_REPORT_PDF, &error));
    g_assert_no_error (error);
    if (pdftotext != NULL)
      {
        const char *argv[] = { pdftotext, "-raw", pdf_path, "-", NULL };
        const char *section;

        text = run_tool (argv);
        g_assert_nonnull (text);
        section = strstr (text, "Changes since the older export");
        g_assert_nonnull (section);
        g_assert_nonnull (strstr (section, "Older export: diff-old.json <b>, 1 November 2026"));
        g_assert_nonnull (strstr (section, "Gaps opened: 2 · Gaps fixed: 1 · Still failing: 1"));
        assert_before (section, "Function thumbnailer is public", "A custom check nobody maps");
        assert_before (section, "Gaps fixed", "Instance accepts IMDSv1");
      }
    g_unlink (pdf_path);
    g_rmdir (dir);
  }
}

static void
test_diff_cli (void)
{
  g_autofree char *old_path = test_fixture_path ("diff-old.json");
  g_autofree char *new_path = test_fixture_path ("diff-new.json");
  const char *argv[] = { DEMARC_CHECK, "--diff", "--redact", "--format", "json", old_path, new_path, NULL };
  const char *critical[] = { DEMARC_CHECK, "--diff", "--fail-on", "critical", new_path, old_path, NULL };
  const char *one[] = { DEMARC_CHECK, "--diff", old_path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *summary;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  /* A critical gap opened: exit 1 at the default --fail-on high. */
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "opened"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "closed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "unchanged"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "changes")), ==, 4);
  /* One redactor for both exports: nothing original, and pseudonyms match up. */
  g_assert_null (strstr (out, "marketing-assets"));
  g_assert_null (strstr (out, "111122223333"));
  g_assert_null (strstr (out, "thumbnailer"));
  g_assert_nonnull (strstr (out, "\"title\" : \"Bucket bucket-1 is public\""));
  g_assert_cmpuint (count (out, "bucket-2"), ==, 0);

  /* Reversed, the critical gap closes: nothing opened at critical. */
  g_assert_true (g_spawn_sync (NULL, (char **)critical, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **)one, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);

  /* The comparison as a report: what opened and closed, escaped, redacted. */
  {
    g_autofree char *dir = g_dir_make_tmp ("demarc-diff-XXXXXX", NULL);
    g_autofree char *html_path = g_build_filename (dir, "diff.html", NULL);
    g_autofree char *md_path = g_build_filename (dir, "diff.md", NULL);
    const char *html_argv[] = { DEMARC_CHECK, "--diff", "--redact", "--report", html_path, old_path, new_path, NULL };
    const char *md_argv[] = { DEMARC_CHECK, "--diff", "--report", md_path, old_path, new_path, NULL };
    g_autofree char *html = NULL;
    g_autofree char *md = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **)html_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
    g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
    g_assert_nonnull (strstr (html, "Gaps opened: 2"));
    g_assert_nonnull (strstr (html, "Gaps closed: 1"));
    /* Lambda's identity layer went from no data to a gap. */
    g_assert_nonnull (strstr (html, "<td>AWS Lambda</td><td>Identity and access management</td><td>? No data</td><td>⚠ Gap</td>"));
    g_assert_null (strstr (html, "thumbnailer"));
    g_assert_null (strstr (html, "<script"));

    g_assert_true (g_spawn_sync (NULL, (char **)md_argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
    g_assert_nonnull (strstr (md, "## Gaps closed"));
    g_assert_nonnull (strstr (md, "Instance accepts IMDSv1"));

    g_unlink (html_path);
    g_unlink (md_path);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, files, func) g_test_add (path, Fixture, files, fixture_setup, func, fixture_teardown)
  ADD ("/report/html", "demo", test_html);
  ADD ("/report/markdown", "demo", test_markdown);
  ADD ("/report/pdf", "demo", test_pdf);
  ADD ("/report/diagrams", "demo", test_diagrams);
  ADD ("/report/matrix", "demo", test_matrix);
  ADD ("/report/hostile-names", "hostile-names.json", test_hostile_names);
  ADD ("/report/reported-by", "prowler-ocsf-scan.json,prowler-asff-scan.json,asff-multi-resource.json",
       test_reports_and_resources);
  ADD ("/report/redacted-exports", "redact-sample.json,bundle-more-checks.json", test_redacted_exports);
  ADD ("/report/export-writers", "asff-mixed.json", test_export_writers);
  ADD ("/report/account-scan", "demo", test_account_scan);
  ADD ("/report/shared-prowler", "demo", test_shared_prowler);
  ADD ("/report/shared-scoutsuite", "demo", test_shared_scoutsuite);
#undef ADD
  g_test_add_func ("/report/redacted-cli", test_redacted_cli);
  g_test_add_func ("/report/hidden-characters", test_hidden_characters);
  g_test_add_func ("/report/inputs-page-one", test_inputs_page_one);
  g_test_add_func ("/report/model-only-diagram", test_model_only_diagram);
  g_test_add_func ("/report/export-accepts", test_export_accepts);
  g_test_add_func ("/diff/assessments", test_diff);
  g_test_add_func ("/diff/cli", test_diff_cli);
  g_test_add_func ("/diff/worst-first", test_diff_worst_first);

  return g_test_run ();
}

scoutsuite_results =
{"account_id": "111122223333", "provider_code": "aws", "last_run": {"time": "2026-11-20 10:00:00+0000", "version": "5.14.0"},
 "services": {
  "s3": {"findings": {
    "s3-bucket-world-policy-star": {"description": "Bucket world-readable (anyone)", "level": "danger", "flagged_items": 1, "checked_items": 4,
      "items": ["s3.buckets.id.example-public.policy"], "rationale": "Anyone can read it.", "remediation": "Restrict the policy."},
    "s3-bucket-no-logging": {"description": "Bucket access logging disabled", "level": "warning", "flagged_items": 0, "checked_items": 4, "items": []}}},
  "iam": {"findings": {
    "iam-root-account-no-mfa": {"description": "Root account without MFA", "level": "danger", "flagged_items": 1, "checked_items": 1, "items": ["iam.credential_reports.<root_account>"]}}},
  "route53": {"findings": {
    "route53-domain-transferlock-not-authorized": {"description": "Domain transfer not locked", "level": "warning", "flagged_items": 0, "checked_items": 0}}}
 }}

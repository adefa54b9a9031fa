#!/usr/bin/env python3
# make-account-scan.py: a whole-account Prowler scan, made at test time
#
# Writes a Prowler v5 JSON-OCSF array (the shape of
# ../shared/samples/prowler/prowler_example_output_aws.ocsf.json) of about
# 730 results, 290 of them failed, over 17 regions and 60 distinct checks:
# one check failed in every region (EBS default encryption), one on about 50
# resources (NACLs), and the rest spread the way a real account's are. The
# content is made up; the same output on every run (no clock, no random
# seed from the system), so tests can count what the reports must show.
#
#   make-account-scan.py OUTPUT.json
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import random
import sys

ACCOUNT = "111122223333"
REGIONS = [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
    "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1",
    "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-southeast-1", "ap-southeast-2", "sa-east-1",
]
SEVERITY_ID = {"informational": 1, "low": 2, "medium": 3, "high": 4, "critical": 5}

# check id, group (Prowler service), severity, title, kind, resources, failed
#   kind "region": one result per region, the first <failed> regions fail
#   kind "account": one result, failed when <failed> is 1
#   kind "resource": <resources> results spread over the regions, <failed> fail
CHECKS = [
    ("ec2_ebs_default_encryption", "ec2", "high", "EBS default encryption is off", "region", 17, 17),
    ("ec2_networkacl_allow_ingress_any_port", "ec2", "high", "Network ACL allows ingress on every port", "resource", 51, 51),
    ("guardduty_is_enabled", "guardduty", "high", "GuardDuty is not enabled", "region", 17, 14),
    ("accessanalyzer_enabled", "accessanalyzer", "low", "IAM Access Analyzer is not enabled", "region", 17, 16),
    ("ec2_securitygroup_default_restrict_traffic", "ec2", "high", "Default security group allows traffic", "region", 17, 17),
    ("ec2_securitygroup_allow_ingress_from_internet_to_all_ports", "ec2", "critical",
     "Security group allows ingress from the internet to all ports", "resource", 30, 3),
    ("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22", "ec2", "high",
     "Security group allows SSH from the internet", "resource", 30, 9),
    ("ec2_networkacl_allow_ingress_tcp_port_22", "ec2", "medium", "Network ACL allows SSH ingress", "resource", 17, 0),
    ("ec2_networkacl_allow_ingress_tcp_port_3389", "ec2", "medium", "Network ACL allows RDP ingress", "resource", 17, 0),
    ("vpc_flow_logs_enabled", "vpc", "medium", "VPC flow logs are off", "resource", 20, 15),
    ("ec2_instance_imdsv2_enabled", "ec2", "high", "Instance accepts IMDSv1", "resource", 20, 10),
    ("ec2_instance_public_ip", "ec2", "medium", "Instance has a public IP address", "resource", 20, 6),
    ("ec2_ebs_volume_encryption", "ec2", "high", "EBS volume is not encrypted", "resource", 30, 12),
    ("ec2_ebs_snapshots_encrypted", "ec2", "high", "EBS snapshot is not encrypted", "resource", 12, 4),
    ("ec2_ebs_public_snapshot", "ec2", "critical", "EBS snapshot is public", "resource", 12, 1),
    ("iam_root_mfa_enabled", "iam", "critical", "Root account has no MFA", "account", 1, 1),
    ("iam_root_hardware_mfa_enabled", "iam", "critical", "Root account has no hardware MFA", "account", 1, 1),
    ("iam_no_root_access_key", "iam", "critical", "Root account has an access key", "account", 1, 1),
    ("iam_avoid_root_usage", "iam", "high", "Root account was used recently", "account", 1, 0),
    ("iam_password_policy_minimum_length_14", "iam", "medium", "Password policy allows short passwords", "account", 1, 1),
    ("iam_password_policy_reuse_24", "iam", "medium", "Password policy allows reuse", "account", 1, 1),
    ("iam_password_policy_uppercase", "iam", "medium", "Password policy does not require uppercase", "account", 1, 0),
    ("iam_user_mfa_enabled_console_access", "iam", "high", "Console user has no MFA", "resource", 10, 5),
    ("iam_user_accesskey_unused", "iam", "medium", "Access key unused for 45 days", "resource", 10, 6),
    ("iam_rotate_access_key_90_days", "iam", "medium", "Access key older than 90 days", "resource", 10, 7),
    ("iam_aws_attached_policy_no_administrative_privileges", "iam", "critical",
     "Role has an AWS managed administrator policy", "resource", 18, 2),
    ("iam_customer_attached_policy_no_administrative_privileges", "iam", "high",
     "Customer policy grants administrator access", "resource", 10, 2),
    ("iam_policy_no_full_access_to_cloudtrail", "iam", "high", "Policy allows full CloudTrail access", "resource", 10, 0),
    ("iam_support_role_created", "iam", "medium", "No support role exists", "account", 1, 1),
    ("s3_bucket_default_encryption", "s3", "medium", "Bucket has no default encryption", "resource", 18, 0),
    ("s3_bucket_public_access", "s3", "critical", "Bucket is public", "resource", 18, 1),
    ("s3_bucket_level_public_access_block", "s3", "medium", "Bucket does not block public access", "resource", 18, 5),
    ("s3_bucket_secure_transport_policy", "s3", "medium", "Bucket allows plain HTTP", "resource", 18, 11),
    ("s3_bucket_server_access_logging_enabled", "s3", "medium", "Bucket has no access logging", "resource", 18, 13),
    ("s3_bucket_versioning_enabled", "s3", "medium", "Bucket versioning is off", "resource", 18, 9),
    ("s3_account_level_public_access_blocks", "s3", "high", "Account does not block public S3 access", "account", 1, 1),
    ("rds_instance_storage_encrypted", "rds", "high", "Database storage is not encrypted", "resource", 8, 2),
    ("rds_instance_no_public_access", "rds", "critical", "Database is publicly accessible", "resource", 8, 1),
    ("rds_instance_backup_enabled", "rds", "medium", "Database has no backups", "resource", 8, 1),
    ("rds_instance_deletion_protection", "rds", "medium", "Database has no deletion protection", "resource", 8, 5),
    ("rds_instance_multi_az", "rds", "medium", "Database is in one zone", "resource", 8, 4),
    ("rds_instance_minor_version_upgrade_enabled", "rds", "low", "Database minor upgrades are off", "resource", 8, 0),
    ("cloudtrail_multi_region_enabled", "cloudtrail", "high", "No multi-region trail", "region", 17, 0),
    ("cloudtrail_log_file_validation_enabled", "cloudtrail", "medium", "Trail log validation is off", "resource", 2, 1),
    ("cloudtrail_kms_encryption_enabled", "cloudtrail", "medium", "Trail logs are not encrypted with KMS", "resource", 2, 2),
    ("cloudtrail_cloudwatch_logging_enabled", "cloudtrail", "low", "Trail does not send to CloudWatch", "resource", 2, 0),
    ("cloudwatch_log_metric_filter_root_usage", "cloudwatch", "medium", "No alarm on root usage", "region", 17, 0),
    ("cloudwatch_log_group_retention_policy_specific_days_enabled", "cloudwatch", "medium",
     "Log group keeps logs too briefly", "resource", 20, 12),
    ("kms_cmk_rotation_enabled", "kms", "high", "KMS key rotation is off", "resource", 12, 6),
    ("kms_cmk_are_used", "kms", "low", "KMS key is not used", "resource", 12, 0),
    ("awslambda_function_no_secrets_in_variables", "awslambda", "critical", "Function has secrets in its variables",
     "resource", 12, 1),
    ("awslambda_function_url_public", "awslambda", "high", "Function URL is public", "resource", 12, 0),
    ("awslambda_function_using_supported_runtimes", "awslambda", "medium", "Function uses an old runtime", "resource", 12, 5),
    ("awslambda_function_inside_vpc", "awslambda", "low", "Function is not in a VPC", "resource", 12, 0),
    ("elb_ssl_listeners", "elb", "medium", "Load balancer listens without TLS", "resource", 6, 2),
    ("elb_logging_enabled", "elb", "medium", "Load balancer logging is off", "resource", 6, 3),
    ("account_maintain_current_contact_details", "account", "medium", "Contact details are not current", "account", 1, 1),
    ("account_security_contact_information_is_registered", "account", "medium", "No security contact", "account", 1, 1),
    ("config_recorder_all_regions_enabled", "config", "medium", "AWS Config is not recording", "region", 17, 0),
    ("securityhub_enabled", "securityhub", "medium", "Security Hub is not enabled", "region", 17, 0),
]

KINDS = {"ec2": "instance", "vpc": "vpc", "iam": "user", "s3": "bucket", "rds": "db", "kms": "key",
         "awslambda": "function", "elb": "loadbalancer", "cloudtrail": "trail", "cloudwatch": "log-group"}


def resource(check, group, index, region):
    if group == "s3":
        name = "demarc-scan-bucket-%02d" % index
        return "arn:aws:s3:::" + name, name
    if check.startswith("ec2_networkacl"):
        name = "acl-%017x" % (0x5a17 * (index + 1))
        return "arn:aws:ec2:%s:%s:network-acl/%s" % (region, ACCOUNT, name), name
    if check.startswith("ec2_securitygroup"):
        name = "sg-%017x" % (0x3b21 * (index + 1))
        return "arn:aws:ec2:%s:%s:security-group/%s" % (region, ACCOUNT, name), name
    if check.startswith("ec2_ebs_snap") or check == "ec2_ebs_public_snapshot":
        name = "snap-%017x" % (0x77c1 * (index + 1))
        return "arn:aws:ec2:%s:%s:snapshot/%s" % (region, ACCOUNT, name), name
    if check.startswith("ec2_ebs"):
        name = "vol-%017x" % (0x9e3 * (index + 1))
        return "arn:aws:ec2:%s:%s:volume/%s" % (region, ACCOUNT, name), name
    if group == "ec2":
        name = "i-%017x" % (0x1f2e * (index + 1))
        return "arn:aws:ec2:%s:%s:instance/%s" % (region, ACCOUNT, name), name
    if group == "iam":
        kind = "role" if "policy" in check else "user"
        name = "%s-%02d" % ("scan-role" if kind == "role" else "scan-user", index)
        return "arn:aws:iam::%s:%s/%s" % (ACCOUNT, kind, name), name
    name = "%s-%02d" % (KINDS.get(group, group), index)
    return "arn:aws:%s:%s:%s:%s/%s" % (group, region, ACCOUNT, KINDS.get(group, group), name), name


def result(rng, n, check, group, severity, title, failed, region, arn, name):
    detail = ("%s: %s." % (title, name)) if failed else ("%s is fine." % name)
    return {
        "message": detail,
        "metadata": {
            "event_code": check,
            "product": {"name": "Prowler", "uid": "prowler", "vendor_name": "Prowler", "version": "5.4.0"},
            "profiles": ["cloud", "datetime"],
            "tenant_uid": "",
            "version": "1.4.0",
        },
        "severity_id": SEVERITY_ID[severity],
        "severity": severity.capitalize(),
        "status": "New",
        "status_code": "FAIL" if failed else "PASS",
        "status_detail": detail,
        "status_id": 1,
        "unmapped": {"related_url": "", "categories": [], "compliance": {"CIS-3.0": ["%d.%d" % (n // 10 + 1, n % 10 + 1)]}},
        "activity_name": "Create",
        "activity_id": 1,
        "finding_info": {
            "created_time": 1764590400,
            "created_time_dt": "2025-12-01T12:00:00.000000",
            "desc": title,
            "product_uid": "prowler",
            "title": title,
            "types": [group],
            "uid": "prowler-aws-%s-%s-%s-%s" % (check, ACCOUNT, region, name),
        },
        "resources": [{
            "cloud_partition": "aws",
            "region": region,
            "data": {"details": "", "metadata": {"arn": arn, "name": name, "region": region}},
            "group": {"name": group},
            "labels": [],
            "name": name,
            "type": "Other",
            "uid": arn,
        }],
        "category_name": "Findings",
        "category_uid": 2,
        "class_name": "Detection Finding",
        "class_uid": 2004,
        "cloud": {
            "account": {"name": "", "type": "AWS Account", "type_id": 10, "uid": ACCOUNT, "labels": []},
            "org": {"name": "", "uid": ""},
            "provider": "aws",
            "region": region,
        },
        "remediation": {"desc": "Fix it: %s." % title.lower().replace(" is off", " on").replace(" is not ", " is "),
                        "references": []},
        "risk_details": "Left as it is, %s." % title.lower(),
        "time": 1764590400,
        "time_dt": "2025-12-01T12:00:00.000000",
        "type_uid": 200401,
        "type_name": "Detection Finding: Create",
    }


def main():
    rng = random.Random(12)
    out = []
    for n, (check, group, severity, title, kind, count, failed) in enumerate(CHECKS):
        if kind == "region":
            picks = [(i, REGIONS[i]) for i in range(count)]
        elif kind == "account":
            picks = [(0, "us-east-1")]
        else:
            picks = [(i, REGIONS[(i * 7 + n) % len(REGIONS)]) for i in range(count)]
        fails = set(rng.sample(range(len(picks)), failed))
        for k, (i, region) in enumerate(picks):
            if kind == "region":
                arn = "arn:aws:%s:%s:%s:account" % (group, region, ACCOUNT)
                name = ACCOUNT
            elif kind == "account":
                arn, name = "arn:aws:iam::%s:root" % ACCOUNT, "<root_account>"
            else:
                arn, name = resource(check, group, i, region)
            out.append(result(rng, n, check, group, severity, title, k in fails, region, arn, name))
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

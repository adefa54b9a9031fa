/* bench.c: demarc-check on large exports, against a bare yajl count and jq
 *
 * Writes AWS Config snapshots, Security Hub ASFF exports and Prowler
 * JSON-OCSF files of the sizes asked for (deterministic, fixed seed) to a
 * temporary folder, runs `demarc-check --format json FILE` on each and
 * prints wall time, MB/s, items/s and the child's peak RSS; the same for a
 * bare yajl pass that only counts the items (this program with --count:
 * the cost of reading the file) and, with jq on PATH, for a jq one-liner
 * that counts them. Then a folder of --folder files of 1 MB is read with
 * one worker and with two (DEMARC_WORKERS), and the two reports compared.
 * Each command runs --runs times and its median run is given. Asserts
 * nothing about time; exits non-zero only when a child fails or the two
 * reports differ.
 *
 *   bench [--sizes 10,100,500] [--formats config,asff,ocsf] [--folder 200] [--runs 3] [--keep DIR] [DEMARC_CHECK]
 *   bench --count FILE
 *
 * The demarc-check path comes from the argument or $DEMARC_CHECK. Items
 * are compact JSON, as Config delivers them. The files are the same from run
 * to run of one build (several g_rand calls feed one printf, in the order
 * the compiler evaluates arguments), which is what comparing runs needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yajl/yajl_parse.h>

#define MIB (1024.0 * 1024.0)
#define SEED 20261124

static const char *regions[] = { "eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2" };
static const char *accounts[] = { "111122223333", "444455556666", "777788889999" };
static const char *environments[] = { "prod", "staging", "dev", "sandbox" };

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gboolean
chance (GRand *rand,
        int    percent)
{
  return g_rand_int_range (rand, 0, 100) < percent;
}

/* --- AWS Config snapshot ------------------------------------------------ */

/* The envelope every configuration item carries, as delivered to S3, up to
 * and including "configuration":. Returns the region it chose. */
static const char *
config_envelope (GString    *out,
                 GRand      *rand,
                 const char *type,
                 const char *id,
                 const char *name,
                 const char *service,
                 const char *status)
{
  const char *region = PICK (rand, regions);
  const char *account = PICK (rand, accounts);
  g_autofree char *arn = NULL;

  /* S3 ARNs name neither region nor account. */
  if (g_str_equal (service, "s3"))
    arn = g_strdup_printf ("arn:aws:s3:::%s", id);
  else
    arn = g_strdup_printf ("arn:aws:%s:%s:%s:%s", service, region, account, id);

  g_string_append_printf (out,
    "{\"configurationItemVersion\":\"1.3\",\"configurationItemCaptureTime\":\"2026-11-%02dT%02d:%02d:%02d.%03dZ\","
    "\"configurationStateId\":\"%u%05u\",\"awsAccountId\":\"%s\",\"configurationItemStatus\":\"%s\","
    "\"configurationStateMd5Hash\":\"\",\"resourceType\":\"%s\",\"resourceId\":\"%s\",\"resourceName\":\"%s\","
    "\"ARN\":\"%s\",\"awsRegion\":\"%s\",\"availabilityZone\":\"%s%c\","
    "\"resourceCreationTime\":\"2025-%02d-%02dT%02d:%02d:00.000Z\","
    "\"tags\":{\"Environment\":\"%s\",\"Owner\":\"team-%u\",\"CostCenter\":\"cc-%04u\"},"
    "\"relatedEvents\":[],"
    "\"relationships\":[{\"resourceType\":\"AWS::EC2::VPC\",\"resourceId\":\"vpc-%08x\",\"relationshipName\":\"Is contained in Vpc\"}],"
    "\"configuration\":",
    g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60),
    g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 1000),
    g_rand_int (rand) % 1000000000u, g_rand_int_range (rand, 0, 100000), account, status,
    type, id, name, arn, region, region, 'a' + g_rand_int_range (rand, 0, 3),
    g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 0, 24),
    g_rand_int_range (rand, 0, 60),
    PICK (rand, environments), g_rand_int_range (rand, 1, 40), g_rand_int_range (rand, 0, 10000),
    g_rand_int (rand));
  return region;
}

static void
config_security_group (GString *out,
                       GRand   *rand,
                       guint64  n)
{
  g_autofree char *id = g_strdup_printf ("sg-%08x%08x", g_rand_int (rand), g_rand_int (rand));
  g_autofree char *name = n % 50 == 0 ? g_strdup ("default") : g_strdup_printf ("app-%" G_GUINT64_FORMAT, n);
  guint n_rules = g_rand_int_range (rand, 1, 5);

  config_envelope (out, rand, "AWS::EC2::SecurityGroup", id, name, "ec2", "OK");
  g_string_append_printf (out,
    "{\"description\":\"Security group for %s\",\"groupName\":\"%s\",\"ownerId\":\"%s\",\"groupId\":\"%s\","
    "\"vpcId\":\"vpc-%08x\",\"ipPermissions\":[",
    name, name, PICK (rand, accounts), id, g_rand_int (rand));
  for (guint r = 0; r < n_rules; r++)
    {
      static const guint ports[] = { 22, 443, 80, 3389, 5432, 8080 };
      guint port = PICK (rand, ports);
      /* SSH open to the world in about one group in eight. */
      gboolean world = (port == 22 && chance (rand, 60)) || chance (rand, 10);

      g_string_append_printf (out,
        "%s{\"fromPort\":%u,\"ipProtocol\":\"tcp\",\"ipv6Ranges\":[],\"prefixListIds\":[],\"toPort\":%u,"
        "\"userIdGroupPairs\":[],\"ipv4Ranges\":[{\"cidrIp\":\"%s\",\"description\":\"rule %u\"}],\"ipRanges\":[\"%s\"]}",
        r ? "," : "", port, port, world ? "0.0.0.0/0" : "10.0.0.0/8", r, world ? "0.0.0.0/0" : "10.0.0.0/8");
    }
  g_string_append (out,
    "],\"ipPermissionsEgress\":[{\"ipProtocol\":\"-1\",\"ipv6Ranges\":[],\"prefixListIds\":[],\"userIdGroupPairs\":[],"
    "\"ipv4Ranges\":[{\"cidrIp\":\"0.0.0.0/0\"}],\"ipRanges\":[\"0.0.0.0/0\"]}],\"tags\":[]},"
    "\"supplementaryConfiguration\":{}}");
}

static void
config_instance (GString *out,
                 GRand   *rand,
                 guint64  n)
{
  static const char *types[] = { "t3.micro", "t3.large", "m6i.xlarge", "c6g.2xlarge", "r6i.large" };
  g_autofree char *id = g_strdup_printf ("i-%08x%08x", g_rand_int (rand), g_rand_int (rand));
  gboolean running = chance (rand, 85);
  gboolean public = chance (rand, 30);
  guint ip = g_rand_int (rand);
  g_autofree char *public_ip = public ? g_strdup_printf (",\"publicIpAddress\":\"203.0.%u.%u\",\"publicDnsName\":\"ec2-203-0-%u-%u.compute.amazonaws.com\"",
                                                          ip & 0xff, (ip >> 8) & 0xff, ip & 0xff, (ip >> 8) & 0xff)
                                        : g_strdup (",\"publicDnsName\":\"\"");

  config_envelope (out, rand, "AWS::EC2::Instance", id, id, "ec2", chance (rand, 3) ? "ResourceDiscovered" : "OK");
  g_string_append_printf (out,
    "{\"amiLaunchIndex\":0,\"imageId\":\"ami-%08x\",\"instanceId\":\"%s\",\"instanceType\":\"%s\",\"keyName\":\"ops-%u\","
    "\"launchTime\":\"2026-%02d-%02dT10:00:00.000Z\",\"monitoring\":{\"state\":\"disabled\"},"
    "\"placement\":{\"availabilityZone\":\"eu-west-1a\",\"groupName\":\"\",\"tenancy\":\"default\"},"
    "\"privateDnsName\":\"ip-10-%u-%u-%u.ec2.internal\",\"privateIpAddress\":\"10.%u.%u.%u\",\"productCodes\":[]%s,"
    "\"state\":{\"code\":%u,\"name\":\"%s\"},\"subnetId\":\"subnet-%08x\",\"vpcId\":\"vpc-%08x\",\"architecture\":\"x86_64\","
    "\"blockDeviceMappings\":[{\"deviceName\":\"/dev/xvda\",\"ebs\":{\"attachTime\":\"2026-01-01T10:00:00.000Z\","
    "\"deleteOnTermination\":true,\"status\":\"attached\",\"volumeId\":\"vol-%08x\"}}],\"ebsOptimized\":true,\"enaSupport\":true,"
    "\"hypervisor\":\"xen\",\"iamInstanceProfile\":{\"arn\":\"arn:aws:iam::%s:instance-profile/app\",\"id\":\"AIPA%08X\"},"
    "\"networkInterfaces\":[{\"attachment\":{\"attachTime\":\"2026-01-01T10:00:00.000Z\",\"attachmentId\":\"eni-attach-%08x\","
    "\"deleteOnTermination\":true,\"deviceIndex\":0,\"status\":\"attached\"},\"description\":\"\",\"groups\":[{\"groupName\":\"app\","
    "\"groupId\":\"sg-%08x\"}],\"macAddress\":\"0a:%02x:%02x:%02x:%02x:%02x\",\"networkInterfaceId\":\"eni-%08x\","
    "\"privateIpAddress\":\"10.%u.%u.%u\",\"sourceDestCheck\":true,\"status\":\"in-use\"}],"
    "\"rootDeviceName\":\"/dev/xvda\",\"rootDeviceType\":\"ebs\",\"securityGroups\":[{\"groupName\":\"app\",\"groupId\":\"sg-%08x\"}],"
    "\"sourceDestCheck\":true,\"tags\":[{\"key\":\"Name\",\"value\":\"app-%" G_GUINT64_FORMAT "\"}],\"virtualizationType\":\"hvm\","
    "\"cpuOptions\":{\"coreCount\":1,\"threadsPerCore\":2},\"hibernationOptions\":{\"configured\":false},"
    "\"metadataOptions\":{\"state\":\"applied\",\"httpTokens\":\"%s\",\"httpPutResponseHopLimit\":%u,\"httpEndpoint\":\"enabled\"},"
    "\"enclaveOptions\":{\"enabled\":false}},\"supplementaryConfiguration\":{}}",
    g_rand_int (rand), id, PICK (rand, types), g_rand_int_range (rand, 1, 9),
    g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
    ip & 0xff, (ip >> 8) & 0xff, (ip >> 16) & 0xff, ip & 0xff, (ip >> 8) & 0xff, (ip >> 16) & 0xff, public_ip,
    running ? 16 : 80, running ? "running" : "stopped", g_rand_int (rand), g_rand_int (rand),
    g_rand_int (rand), PICK (rand, accounts), g_rand_int (rand), g_rand_int (rand),
    g_rand_int (rand), ip & 0xff, (ip >> 8) & 0xff, (ip >> 16) & 0xff, (ip >> 24) & 0xff, g_rand_int (rand) & 0xff,
    g_rand_int (rand), ip & 0xff, (ip >> 8) & 0xff, (ip >> 16) & 0xff, g_rand_int (rand), n,
    chance (rand, 40) ? "optional" : "required", g_rand_int_range (rand, 1, 3));
}

static void
config_bucket (GString *out,
               GRand   *rand,
               guint64  n)
{
  g_autofree char *name = g_strdup_printf ("data-%" G_GUINT64_FORMAT "-%08x", n, g_rand_int (rand));
  gboolean all_blocked = chance (rand, 70);
  gboolean kms = chance (rand, 35);

  config_envelope (out, rand, "AWS::S3::Bucket", name, name, "s3", "OK");
  g_string_append_printf (out,
    "{\"name\":\"%s\",\"owner\":{\"displayName\":null,\"id\":\"%08x%08x%08x%08x\"},\"creationDate\":\"2025-03-01T10:00:00.000Z\"},"
    "\"supplementaryConfiguration\":{"
    "\"AccessControlList\":\"{\\\"grantSet\\\":null,\\\"grantList\\\":[{\\\"grantee\\\":{\\\"id\\\":\\\"%08x\\\",\\\"displayName\\\":null},\\\"permission\\\":\\\"FullControl\\\"}],\\\"owner\\\":{\\\"displayName\\\":null,\\\"id\\\":\\\"%08x\\\"},\\\"isRequesterCharged\\\":false}\","
    "\"BucketLoggingConfiguration\":{\"destinationBucketName\":null,\"logFilePrefix\":null},"
    "\"BucketVersioningConfiguration\":{\"status\":\"%s\",\"isMfaDeleteEnabled\":null},"
    "\"PublicAccessBlockConfiguration\":{\"blockPublicAcls\":true,\"ignorePublicAcls\":true,\"blockPublicPolicy\":%s,\"restrictPublicBuckets\":%s},"
    "\"ServerSideEncryptionConfiguration\":{\"rules\":[{\"applyServerSideEncryptionByDefault\":{\"sseAlgorithm\":\"%s\",\"kmsMasterKeyID\":%s},\"bucketKeyEnabled\":%s}]}",
    name, g_rand_int (rand), g_rand_int (rand), g_rand_int (rand), g_rand_int (rand),
    g_rand_int (rand), g_rand_int (rand), chance (rand, 50) ? "Enabled" : "Off",
    all_blocked ? "true" : "false", all_blocked ? "true" : "false",
    kms ? "aws:kms" : "AES256", kms ? "\"arn:aws:kms:eu-west-1:111122223333:key/k\"" : "null", kms ? "true" : "false");

  /* A policy on about a fifth of the buckets, some of them TLS-only. */
  if (chance (rand, 20))
    g_string_append_printf (out,
      ",\"BucketPolicy\":{\"policyText\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"TLS\\\",\\\"Effect\\\":\\\"Deny\\\","
      "\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"s3:*\\\",\\\"Resource\\\":[\\\"arn:aws:s3:::%s\\\",\\\"arn:aws:s3:::%s/*\\\"],"
      "\\\"Condition\\\":{\\\"Bool\\\":{\\\"aws:SecureTransport\\\":\\\"%s\\\"}}}]}\"}",
      name, name, chance (rand, 60) ? "false" : "true");
  g_string_append (out, "}}");
}

static void
config_db_instance (GString *out,
                    GRand   *rand,
                    guint64  n)
{
  static const char *engines[] = { "postgres", "mysql", "mariadb", "oracle-se2" };
  g_autofree char *name = g_strdup_printf ("db-%" G_GUINT64_FORMAT, n);
  g_autofree char *id = g_strdup_printf ("db-%08X%08X", g_rand_int (rand), g_rand_int (rand));

  config_envelope (out, rand, "AWS::RDS::DBInstance", id, name, "rds", "OK");
  g_string_append_printf (out,
    "{\"dBInstanceIdentifier\":\"%s\",\"dBInstanceClass\":\"db.m6g.large\",\"engine\":\"%s\",\"engineVersion\":\"15.4\","
    "\"dBInstanceStatus\":\"available\",\"masterUsername\":\"admin\",\"endpoint\":{\"address\":\"%s.c%08x.eu-west-1.rds.amazonaws.com\","
    "\"port\":5432,\"hostedZoneId\":\"Z29XKXDKYMONMX\"},\"allocatedStorage\":100,\"preferredBackupWindow\":\"03:00-04:00\","
    "\"backupRetentionPeriod\":%u,\"dBSecurityGroups\":[],\"vpcSecurityGroups\":[{\"vpcSecurityGroupId\":\"sg-%08x\",\"status\":\"active\"}],"
    "\"dBParameterGroups\":[{\"dBParameterGroupName\":\"default.postgres15\",\"parameterApplyStatus\":\"in-sync\"}],"
    "\"multiAZ\":%s,\"autoMinorVersionUpgrade\":%s,\"publiclyAccessible\":%s,\"storageType\":\"gp3\",\"storageEncrypted\":%s,"
    "\"kmsKeyId\":null,\"dbiResourceId\":\"db-%08X\",\"deletionProtection\":%s,\"iAMDatabaseAuthenticationEnabled\":false},"
    "\"supplementaryConfiguration\":{}}",
    name, PICK (rand, engines), name, g_rand_int (rand), chance (rand, 10) ? 0 : g_rand_int_range (rand, 1, 36),
    g_rand_int (rand), chance (rand, 50) ? "true" : "false", chance (rand, 80) ? "true" : "false",
    chance (rand, 10) ? "true" : "false", chance (rand, 85) ? "true" : "false", g_rand_int (rand),
    chance (rand, 50) ? "true" : "false");
}

static void
config_function (GString *out,
                 GRand   *rand,
                 guint64  n)
{
  static const char *runtimes[] = { "python3.12", "python3.8", "nodejs20.x", "nodejs16.x", "java21", "go1.x", "ruby3.3" };
  g_autofree char *name = g_strdup_printf ("fn-%" G_GUINT64_FORMAT, n);

  config_envelope (out, rand, "AWS::Lambda::Function", name, name, "lambda", "OK");
  g_string_append_printf (out,
    "{\"functionName\":\"%s\",\"functionArn\":\"arn:aws:lambda:eu-west-1:111122223333:function:%s\",\"runtime\":\"%s\","
    "\"role\":\"arn:aws:iam::111122223333:role/%s-role\",\"handler\":\"index.handler\",\"codeSize\":%u,"
    "\"description\":\"Handles events for %s\",\"timeout\":30,\"memorySize\":256,\"lastModified\":\"2026-06-01T10:00:00.000+0000\","
    "\"codeSha256\":\"%08x%08x%08x%08x\",\"version\":\"$LATEST\",\"tracingConfig\":{\"mode\":\"PassThrough\"},"
    "\"layers\":[],\"architectures\":[\"x86_64\"],\"ephemeralStorage\":{\"size\":512},\"packageType\":\"Zip\"},"
    "\"supplementaryConfiguration\":{\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\",\"Tags\":{}}}",
    name, name, PICK (rand, runtimes), name, g_rand_int_range (rand, 1000, 50000000), name,
    g_rand_int (rand), g_rand_int (rand), g_rand_int (rand), g_rand_int (rand));
}

static void
config_volume (GString *out,
               GRand   *rand,
               guint64  n)
{
  g_autofree char *id = g_strdup_printf ("vol-%08x%08x", g_rand_int (rand), g_rand_int (rand));
  gboolean attached = chance (rand, 80);

  config_envelope (out, rand, "AWS::EC2::Volume", id, id, "ec2", "OK");
  g_string_append_printf (out,
    "{\"volumeId\":\"%s\",\"size\":%u,\"snapshotId\":\"\",\"state\":\"%s\",\"createTime\":\"2026-02-27T21:43:53.885Z\","
    "\"attachments\":[",
    id, g_rand_int_range (rand, 8, 2000), attached ? "in-use" : "available");
  if (attached)
    g_string_append_printf (out,
      "{\"volumeId\":\"%s\",\"instanceId\":\"i-%08x\",\"device\":\"/dev/sdf\",\"state\":\"attached\","
      "\"attachTime\":\"2026-03-07T23:46:28.000Z\",\"deleteOnTermination\":false}",
      id, g_rand_int (rand));
  g_string_append_printf (out,
    "],\"encrypted\":%s,\"volumeType\":\"gp3\",\"iops\":3000,\"throughput\":125,\"multiAttachEnabled\":false},"
    "\"supplementaryConfiguration\":{}}",
    chance (rand, 75) ? "true" : "false");
}

/* Types Demarc has no check for: they are read and counted as skipped. */
static void
config_other (GString *out,
              GRand   *rand,
              guint64  n)
{
  static const char *types[] = { "AWS::SSM::Parameter", "AWS::IAM::Role", "AWS::EC2::NetworkInterface",
                                 "AWS::CloudWatch::Alarm", "AWS::EC2::Subnet" };
  const char *type = PICK (rand, types);
  g_autofree char *id = g_strdup_printf ("res-%" G_GUINT64_FORMAT "-%08x", n, g_rand_int (rand));

  config_envelope (out, rand, type, id, id, "ssm", "OK");
  g_string_append_printf (out,
    "{\"name\":\"%s\",\"type\":\"String\",\"description\":\"Generated for the benchmark \\u2014 \\\"quoted\\\" text\","
    "\"allowedPattern\":\"^[a-z0-9-]+$\",\"tier\":\"Standard\",\"dataType\":\"text\",\"version\":%u,"
    "\"lastModifiedDate\":\"2026-05-%02dT08:00:00.000Z\",\"policies\":[]},\"supplementaryConfiguration\":{}}",
    id, g_rand_int_range (rand, 1, 40), g_rand_int_range (rand, 1, 29));
}

static void
write_config_item (GString *out,
                   guint64  n,
                   GRand   *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 2)
    {
      /* Deleted resources keep their envelope but lose the configuration. */
      g_autofree char *id = g_strdup_printf ("gone-%" G_GUINT64_FORMAT, n);

      config_envelope (out, rand, "AWS::S3::Bucket", id, id, "s3", "ResourceDeleted");
      g_string_append (out, "null,\"supplementaryConfiguration\":{}}");
    }
  else if (roll < 20)
    config_security_group (out, rand, n);
  else if (roll < 40)
    config_instance (out, rand, n);
  else if (roll < 52)
    config_bucket (out, rand, n);
  else if (roll < 60)
    config_db_instance (out, rand, n);
  else if (roll < 72)
    config_function (out, rand, n);
  else if (roll < 80)
    config_volume (out, rand, n);
  else
    config_other (out, rand, n);
}

/* --- Security Hub ASFF ---------------------------------------------------- */

static void
write_asff_finding (GString *out,
                    guint64  n,
                    GRand   *rand)
{
  static const char *severities[] = { "INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL" };
  /* prefix + a random number is the resource id; NULL: the account. */
  static const struct { const char *control, *type, *prefix; } controls[] = {
    { "S3.8", "AwsS3Bucket", "arn:aws:s3:::bucket-" },
    { "EC2.19", "AwsEc2SecurityGroup", "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-" },
    { "EC2.8", "AwsEc2Instance", "arn:aws:ec2:eu-west-1:111122223333:instance/i-" },
    { "IAM.4", "AwsAccount", NULL },
    { "RDS.2", "AwsRdsDbInstance", "arn:aws:rds:eu-west-1:111122223333:db:db-" },
    { "CloudTrail.1", "AwsAccount", NULL },
    { "Lambda.2", "AwsLambdaFunction", "arn:aws:lambda:eu-west-1:111122223333:function:fn-" },
    { "KMS.4", "AwsKmsKey", "arn:aws:kms:eu-west-1:111122223333:key/" },
    { "Athena.4", "AwsAthenaWorkGroup", "arn:aws:athena:eu-west-1:111122223333:workgroup/wg-" },
  };
  guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (controls));
  const char *account = PICK (rand, accounts);
  const char *region = PICK (rand, regions);
  const char *status = chance (rand, 45) ? "FAILED" : chance (rand, 90) ? "PASSED" : "NOT_AVAILABLE";
  g_autofree char *resource_id = controls[c].prefix ? g_strdup_printf ("%s%08x", controls[c].prefix, g_rand_int (rand))
                                                    : g_strdup_printf ("AWS::::Account:%s", account);

  g_string_append_printf (out,
    "{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"arn:aws:securityhub:%s:%s:security-control/%s/finding/%08x-%04x-%" G_GUINT64_FORMAT "\","
    "\"ProductArn\":\"arn:aws:securityhub:%s::product/aws/securityhub\",\"ProductName\":\"Security Hub\",\"CompanyName\":\"AWS\","
    "\"Region\":\"%s\",\"GeneratorId\":\"security-control/%s\",\"AwsAccountId\":\"%s\","
    "\"Types\":[\"Software and Configuration Checks/Industry and Regulatory Standards\"],"
    "\"FirstObservedAt\":\"2026-10-01T10:00:00.000Z\",\"LastObservedAt\":\"2026-11-01T10:00:00.000Z\","
    "\"CreatedAt\":\"2026-10-01T10:00:00.000Z\",\"UpdatedAt\":\"2026-11-01T10:00:00.000Z\","
    "\"Severity\":{\"Label\":\"%s\",\"Normalized\":%u,\"Original\":\"%s\"},"
    "\"Title\":\"%s should meet the control\",\"Description\":\"This control checks whether the resource meets %s. "
    "The control fails if it does not; see the remediation text for what to change and why it matters.\","
    "\"Remediation\":{\"Recommendation\":{\"Text\":\"For information on how to correct this issue, consult the AWS Security Hub controls documentation.\","
    "\"Url\":\"https://docs.aws.amazon.com/console/securityhub/%s/remediation\"}},"
    "\"ProductFields\":{\"RelatedAWSResources:0/name\":\"securityhub-check-%08x\",\"RelatedAWSResources:0/type\":\"AWS::Config::ConfigRule\","
    "\"aws/securityhub/ProductName\":\"Security Hub\",\"aws/securityhub/CompanyName\":\"AWS\",\"Resources:0/Id\":\"%s\","
    "\"aws/securityhub/FindingId\":\"arn:aws:securityhub:%s::product/aws/securityhub/%08x\"},"
    "\"Resources\":[{\"Type\":\"%s\",\"Id\":\"%s\",\"Partition\":\"aws\",\"Region\":\"%s\",\"Tags\":{\"Environment\":\"%s\"}}],"
    "\"Compliance\":{\"Status\":\"%s\",\"SecurityControlId\":\"%s\",\"AssociatedStandards\":[{\"StandardsId\":\"standards/aws-foundational-security-best-practices/v/1.0.0\"}]},"
    "\"WorkflowState\":\"NEW\",\"Workflow\":{\"Status\":\"%s\"},\"RecordState\":\"%s\","
    "\"FindingProviderFields\":{\"Severity\":{\"Label\":\"%s\",\"Original\":\"%s\"},\"Types\":[\"Software and Configuration Checks/Industry and Regulatory Standards\"]}}",
    region, account, controls[c].control, g_rand_int (rand), g_rand_int_range (rand, 0, 0x10000), n,
    region, region, controls[c].control, account,
    severities[n % G_N_ELEMENTS (severities)], (guint)(n % 5) * 20 + 1, severities[n % G_N_ELEMENTS (severities)],
    controls[c].control, controls[c].control, controls[c].control,
    g_rand_int (rand), resource_id, region, g_rand_int (rand),
    controls[c].type, resource_id, region, PICK (rand, environments),
    status, controls[c].control,
    chance (rand, 5) ? "SUPPRESSED" : "NEW", chance (rand, 5) ? "ARCHIVED" : "ACTIVE",
    severities[n % G_N_ELEMENTS (severities)], severities[n % G_N_ELEMENTS (severities)]);
}

/* --- Prowler JSON-OCSF ------------------------------------------------ */

static void
write_ocsf_finding (GString *out,
                    guint64  n,
                    GRand   *rand)
{
  static const struct { const char *check, *group, *type, *severity; } checks[] = {
    { "s3_bucket_level_public_access_block", "s3", "AwsS3Bucket", "High" },
    { "s3_bucket_secure_transport_policy", "s3", "AwsS3Bucket", "Medium" },
    { "ec2_instance_imdsv2_enabled", "ec2", "AwsEc2Instance", "High" },
    { "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22", "ec2", "AwsEc2SecurityGroup", "High" },
    { "iam_root_mfa_enabled", "iam", "Other", "Critical" },
    { "rds_instance_no_public_access", "rds", "AwsRdsDbInstance", "Critical" },
    { "awslambda_function_using_supported_runtimes", "awslambda", "AwsLambdaFunction", "Medium" },
    { "cloudtrail_multi_region_enabled", "cloudtrail", "AwsCloudTrailTrail", "High" },
    { "kms_cmk_rotation_enabled", "kms", "AwsKmsKey", "Medium" },
    { "athena_workgroup_encryption", "athena", "AwsAthenaWorkGroup", "Medium" },
  };
  guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (checks));
  const char *account = PICK (rand, accounts);
  const char *region = PICK (rand, regions);
  int roll = g_rand_int_range (rand, 0, 100);
  const char *status_code = roll < 40 ? "FAIL" : roll < 95 ? "PASS" : "MANUAL";
  gboolean muted = chance (rand, 5);
  /* Prowler 4.x wrote OCSF 1.2/1.3, 5.x writes 1.4. */
  gboolean v5 = n % 2 == 0;
  g_autofree char *resource = g_strdup_printf ("%s-%08x", checks[c].group, g_rand_int (rand));
  g_autofree char *arn = g_strdup_printf ("arn:aws:%s:%s:%s:%s", checks[c].group, region, account, resource);
  guint64 time = 1790000000 + n;

  g_string_append_printf (out,
    "{\"message\":\"%s %s: %s.\",\"metadata\":{\"event_code\":\"%s\",\"product\":{\"name\":\"Prowler\",\"uid\":\"prowler\","
    "\"vendor_name\":\"Prowler\",\"version\":\"%s\"},\"profiles\":[\"cloud\",\"datetime\"],\"tenant_uid\":\"\",\"version\":\"%s\"},"
    "\"severity_id\":%u,\"severity\":\"%s\",\"status\":\"%s\",\"status_code\":\"%s\",\"status_detail\":\"Resource \\\"%s\\\" %s the check %s.\","
    "\"status_id\":%u,\"unmapped\":{\"related_url\":\"https://docs.aws.amazon.com/\",\"categories\":[\"internet-exposed\"],"
    "\"depends_on\":[],\"related_to\":[],\"additional_urls\":[],\"notes\":\"\",\"compliance\":{\"CIS-2.0\":[\"%u.%u\"],"
    "\"CIS-3.0\":[\"%u.%u\"],\"AWS-Foundational-Security-Best-Practices\":[\"%s\"],\"ISO27001-2013\":[\"A.9.4\",\"A.13.1\"],"
    "\"NIST-800-53-Revision-5\":[\"ac_3\",\"ac_4\",\"ac_6\",\"sc_7_3\"],\"KISA-ISMS-P-2023\":[\"2.6.1\",\"2.10.1\"],"
    "\"PCI-3.2.1\":[\"1.2.1\",\"1.3.1\"]}},\"activity_name\":\"Create\",\"activity_id\":1,"
    "\"finding_info\":{\"created_time\":%" G_GUINT64_FORMAT ",\"created_time_dt\":\"2026-09-21T10:00:00.000000\","
    "\"desc\":\"Check whether %s is configured as the benchmark expects.\",\"product_uid\":\"prowler\","
    "\"title\":\"Check %s\",\"types\":[\"Infrastructure Security\"],"
    "\"uid\":\"prowler-aws-%s-%s-%s-%s\"},"
    "\"resources\":[{\"cloud_partition\":\"aws\",\"region\":\"%s\",\"data\":{\"details\":\"\",\"metadata\":{\"arn\":\"%s\","
    "\"name\":\"%s\",\"tags\":[{\"Key\":\"Environment\",\"Value\":\"%s\"}],\"region\":\"%s\"}},\"group\":{\"name\":\"%s\"},"
    "\"labels\":[],\"name\":\"%s\",\"type\":\"%s\",\"uid\":\"%s\"}],"
    "\"category_name\":\"Findings\",\"category_uid\":2,\"class_name\":\"Detection Finding\",\"class_uid\":2004,"
    "\"cloud\":{\"account\":{\"name\":\"\",\"type\":\"AWS Account\",\"type_id\":10,\"uid\":\"%s\",\"labels\":[]},"
    "\"org\":{\"name\":\"\",\"uid\":\"\"},\"provider\":\"aws\",\"region\":\"%s\"},"
    "\"remediation\":{\"desc\":\"Change the configuration of %s so that the check passes; see the references.\","
    "\"references\":[\"aws %s help\",\"https://docs.aws.amazon.com/\"]},"
    "\"risk_details\":\"A resource that fails %s can expose data or access to people who should not have it; "
    "the fix is usually a configuration change with no downtime.\","
    "\"time\":%" G_GUINT64_FORMAT ",\"time_dt\":\"2026-09-21T10:00:00.000000\",\"type_uid\":200401,\"type_name\":\"Detection Finding: Create\"}",
    resource, status_code, checks[c].check, checks[c].check, v5 ? "5.1.0" : "4.2.1", v5 ? "1.4.0" : "1.2.0",
    g_rand_int_range (rand, 1, 6), checks[c].severity, muted ? "Suppressed" : "New", status_code, resource,
    g_str_equal (status_code, "PASS") ? "passes" : "fails", checks[c].check,
    muted ? 3 : 1, g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 1, 20),
    g_rand_int_range (rand, 1, 6), g_rand_int_range (rand, 1, 20), checks[c].group,
    time, checks[c].check, checks[c].check, checks[c].check, account, region, resource,
    region, arn, resource, PICK (rand, environments), region, checks[c].group,
    resource, checks[c].type, arn,
    account, region, resource, checks[c].group, checks[c].check, time);
}

/* --- generating files --------------------------------------------------- */

typedef void (*ItemFunc) (GString *out,
                          guint64  n,
                          GRand   *rand);

static const struct
{
  const char *name;
  const char *head;
  const char *tail;
  const char *jq_filter;
  ItemFunc    item;
} formats[] = {
  { "config", "{\"fileVersion\":\"1.0\",\"configSnapshotId\":\"6b3c8a52-0f1d-4d0e-9a57-2f1e3c4b5a69\",\"configurationItems\":[",
    "]}\n", ".configurationItems|length", write_config_item },
  { "asff", "{\"Findings\":[", "]}\n", ".Findings|length", write_asff_finding },
  { "ocsf", "[", "]\n", "length", write_ocsf_finding },
};

/* Writes items until the file reaches size_mb MiB; returns how many. Large
 * writes through one GString keep generation well ahead of parsing. */
static gboolean
generate (guint        format,
          guint        size_mb,
          guint        seed,
          const char  *path,
          guint64     *n_items,
          guint64     *n_bytes,
          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + format + seed);
  g_autoptr(GString) chunk = g_string_sized_new (2 << 20);
  guint64 target = (guint64)size_mb << 20;
  guint64 written = 0, n = 0;
  FILE *out = g_fopen (path, "wb");
  gboolean ok = TRUE;

  if (out == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  g_string_append (chunk, formats[format].head);
  while (ok && written + chunk->len < target)
    {
      if (n > 0)
        g_string_append_c (chunk, ',');
      formats[format].item (chunk, n++, rand);
      if (chunk->len >= 1 << 20)
        {
          ok = fwrite (chunk->str, 1, chunk->len, out) == chunk->len;
          written += chunk->len;
          g_string_truncate (chunk, 0);
        }
    }
  g_string_append (chunk, formats[format].tail);
  if (ok)
    ok = fwrite (chunk->str, 1, chunk->len, out) == chunk->len;
  written += chunk->len;
  if (fclose (out) != 0)
    ok = FALSE;

  if (!ok)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  *n_items = n;
  *n_bytes = written;
  return TRUE;
}

/* --- running children --------------------------------------------------- */

typedef struct
{
  gboolean ran;
  double   seconds;
  double   cpu_seconds;
  double   peak_rss_mb;
  int      exit_code;   /* -1 when killed by a signal */
  char    *output;      /* stdout, when asked for */
  char    *error;       /* why it failed, or NULL */
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->output, g_free);
  g_clear_pointer (&run->error, g_free);
}

/* Spawns argv with stdout to /dev/null (or to out_path, read back into
 * run->output) and stderr to err_path, and reaps it with wait4() so that
 * ru_maxrss is that child's alone. */
static gboolean
run_child (const char * const *argv,
           const char * const *envp,
           const char         *out_path,
           const char         *err_path,
           Run                *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stderr_text = NULL;
  int out_fd = g_open (out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int err_fd = g_open (err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  struct rusage usage;
  GPid pid;
  gint64 start;
  int status = 0;
  pid_t reaped;

  memset (run, 0, sizeof *run);
  run->ran = TRUE;
  if (out_fd < 0 || err_fd < 0)
    {
      run->error = g_strdup_printf ("cannot open %s or %s: %s", out_path ? out_path : "/dev/null", err_path,
                                    g_strerror (errno));
      if (out_fd >= 0)
        close (out_fd);
      if (err_fd >= 0)
        close (err_fd);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, envp,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                                         NULL, NULL, -1, out_fd, err_fd, NULL, NULL, 0,
                                         &pid, NULL, NULL, NULL, &error))
    {
      run->error = g_strdup (error->message);
      close (out_fd);
      close (err_fd);
      return FALSE;
    }
  close (out_fd);
  close (err_fd);

  do
    reaped = wait4 (pid, &status, 0, &usage);
  while (reaped < 0 && errno == EINTR);
  run->seconds = (g_get_monotonic_time () - start) / 1e6;
  g_spawn_close_pid (pid);

  if (reaped < 0)
    {
      run->error = g_strdup_printf ("wait4: %s", g_strerror (errno));
      return FALSE;
    }

  run->cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                     usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run->peak_rss_mb = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
  run->exit_code = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  if (out_path)
    g_file_get_contents (out_path, &run->output, NULL, NULL);
  g_file_get_contents (err_path, &stderr_text, NULL, NULL);

  if (WIFSIGNALED (status))
    run->error = g_strdup_printf ("killed by signal %d (%s)%s%s", WTERMSIG (status), g_strsignal (WTERMSIG (status)),
                                  stderr_text && *stderr_text ? ": " : "", stderr_text ? g_strstrip (stderr_text) : "");
  else if (run->exit_code != 0 && stderr_text)
    run->error = g_strdup_printf ("exit %d: %s", run->exit_code, g_strstrip (stderr_text));
  else if (run->exit_code != 0)
    run->error = g_strdup_printf ("exit %d", run->exit_code);
  return TRUE;
}

static guint n_runs = 3;

static int
by_seconds (gconstpointer a,
            gconstpointer b)
{
  double x = ((const Run *)a)->seconds, y = ((const Run *)b)->seconds;

  return (x > y) - (x < y);
}

/* Runs argv n_runs times and keeps the run of the median time: on these
 * virtual machines the first run after a pause is often a fifth slower.
 * A run that ends otherwise than the first (a signal, another exit code)
 * is kept instead, so that a failure shows. */
static void
run_median (const char * const *argv,
            const char * const *envp,
            const char         *out_path,
            const char         *err_path,
            Run                *run)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (Run));
  guint keep;

  for (guint i = 0; i < MAX (n_runs, 1); i++)
    {
      Run one;

      run_child (argv, envp, out_path, err_path, &one);
      g_array_append_val (runs, one);
    }
  g_array_sort (runs, by_seconds);
  keep = runs->len / 2;
  for (guint i = 0; i < runs->len; i++)
    {
      Run *one = &g_array_index (runs, Run, i);

      if (one->exit_code != g_array_index (runs, Run, 0).exit_code || one->exit_code < 0 ||
          (one->error != NULL) != (g_array_index (runs, Run, keep).error != NULL))
        keep = i;
    }
  *run = g_array_index (runs, Run, keep);
  for (guint i = 0; i < runs->len; i++)
    if (i != keep)
      run_clear (&g_array_index (runs, Run, i));
}

/* --- the bare yajl count ------------------------------------------------ */

/* What reading costs at the least: yajl's callbacks counting the elements
 * of the first array (a top-level one, or one member of the top-level
 * object), nothing built. */
typedef struct
{
  guint   depth;
  guint   items_depth;   /* 0 until the array is met */
  guint64 items;
} Count;

static int
count_value (void *ctx)
{
  Count *count = ctx;

  if (count->items_depth && count->depth == count->items_depth)
    count->items++;
  return 1;
}

static int
count_boolean (void *ctx, int value)
{
  return count_value (ctx);
}

static int
count_number (void *ctx, const char *text, size_t length)
{
  return count_value (ctx);
}

static int
count_string (void *ctx, const unsigned char *text, size_t length)
{
  return count_value (ctx);
}

static int
count_start_map (void *ctx)
{
  count_value (ctx);
  ((Count *)ctx)->depth++;
  return 1;
}

static int
count_start_array (void *ctx)
{
  Count *count = ctx;

  count_value (ctx);
  if (count->items_depth == 0 && count->depth <= 1)
    count->items_depth = count->depth + 1;
  count->depth++;
  return 1;
}

static int
count_key (void *ctx, const unsigned char *key, size_t length)
{
  return 1;
}

static int
count_end (void *ctx)
{
  ((Count *)ctx)->depth--;
  return 1;
}

static const yajl_callbacks count_callbacks = {
  count_value, count_boolean, NULL, NULL, count_number, count_string,
  count_start_map, count_key, count_end, count_start_array, count_end,
};

/* bench --count FILE: prints the number of items, or fails. */
static int
count_items (const char *path)
{
  static char buffer[64 * 1024];
  Count count = { 0 };
  yajl_handle handle = yajl_alloc (&count_callbacks, NULL, &count);
  FILE *in = g_fopen (path, "rb");
  gboolean ok = in != NULL;
  size_t n;

  while (ok && (n = fread (buffer, 1, sizeof buffer, in)) > 0)
    ok = yajl_parse (handle, (const unsigned char *)buffer, n) == yajl_status_ok;
  ok = ok && yajl_complete_parse (handle) == yajl_status_ok;
  yajl_free (handle);
  if (in)
    fclose (in);
  if (!ok)
    {
      g_printerr ("bench: %s: cannot count its items\n", path);
      return 1;
    }
  g_print ("%" G_GUINT64_FORMAT "\n", count.items);
  return 0;
}

/* Runs a child that prints a count, and checks it. */
static void
run_counter (const char * const *argv,
             const char         *out_path,
             const char         *err_path,
             guint64             expected,
             Run                *run)
{
  guint64 counted = 0;

  run_median (argv, NULL, out_path, err_path, run);
  if (run->error == NULL &&
      (run->output == NULL ||
       !g_ascii_string_to_unsigned (g_strstrip (run->output), 10, 0, G_MAXUINT64, &counted, NULL) ||
       counted != expected))
    run->error = g_strdup_printf ("counted %s items, generated %" G_GUINT64_FORMAT,
                                  run->output ? run->output : "no", expected);
}

/* --- a folder of small files, one worker against two --------------------- */

static char **
workers_env (const char *workers)
{
  return g_environ_setenv (g_get_environ (), "DEMARC_WORKERS", workers, TRUE);
}

/* Writes n_files ASFF files of 1 MB (each of its own seed) into DIR/folder
 * and runs demarc-check on the folder with 1 and with 2 workers: the
 * figures, and whether both wrote the same report. */
static gboolean
bench_folder (const char *dir,
              const char *demarc_check,
              guint       n_files,
              gboolean    keep)
{
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *one_path = g_build_filename (dir, "folder-1.json", NULL);
  g_autofree char *two_path = g_build_filename (dir, "folder-2.json", NULL);
  g_autofree char *err_path = g_build_filename (dir, "folder-stderr.txt", NULL);
  g_auto(GStrv) one_env = workers_env ("1");
  g_auto(GStrv) two_env = workers_env ("2");
  const char *argv[] = { demarc_check, "--format", "json", folder, NULL };
  g_autoptr(GError) error = NULL;
  guint64 items = 0, bytes = 0;
  Run one = { 0 }, two = { 0 };
  gboolean same, ok = TRUE;

  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("asff-%03u.json", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      guint64 n, b;

      if (!generate (1, 1, 1000 + i, path, &n, &b, &error))
        {
          g_printerr ("bench: cannot write %s\n", error->message);
          return FALSE;
        }
      items += n;
      bytes += b;
    }

  run_median (argv, (const char * const *)one_env, one_path, err_path, &one);
  run_median (argv, (const char * const *)two_env, two_path, err_path, &two);
  same = one.output && two.output && g_str_equal (one.output, two.output);
  g_print ("folder %u × 1 MB (%.0f MB, %" G_GUINT64_FORMAT " items)  1 worker %6.2f s (cpu %6.2f s)  "
           "2 workers %6.2f s (cpu %6.2f s)  speed-up %.2f×  reports %s\n",
           n_files, bytes / MIB, items, one.seconds, one.cpu_seconds, two.seconds, two.cpu_seconds,
           one.seconds / two.seconds, same ? "identical" : "DIFFER");
  for (Run *run = &one; run; run = run == &one ? &two : NULL)
    if (run->exit_code > 1 || run->exit_code < 0)
      {
        g_print ("       FAILED: %s\n", run->error ? run->error : "?");
        ok = FALSE;
      }
  ok = ok && same;
  run_clear (&one);
  run_clear (&two);

  g_unlink (one_path);
  g_unlink (two_path);
  g_unlink (err_path);
  if (!keep)
    {
      for (guint i = 0; i < n_files; i++)
        {
          g_autofree char *name = g_strdup_printf ("asff-%03u.json", i);
          g_autofree char *path = g_build_filename (folder, name, NULL);

          g_unlink (path);
        }
      g_rmdir (folder);
    }
  return ok;
}

static gboolean
bench_folder_in (const char *dir,
                 const char *demarc_check,
                 guint       n_files,
                 gboolean    keep)
{
  g_print ("\n");
  return bench_folder (dir, demarc_check, n_files, keep);
}

/* --- main --------------------------------------------------------------- */

typedef struct
{
  guint   format;
  guint   size_mb;
  guint64 bytes;
  guint64 items;
  double  generate_seconds;
  Run     yajl;
  Run     demarc;
  Run     jq;
} Result;

/* The bare count, demarc-check and jq on one generated file. */
static gboolean
bench_file (Result     *result,
            const char *path,
            const char *self_path,
            const char *demarc_check,
            const char *jq,
            const char *out_path,
            const char *err_path)
{
  double mb = result->bytes / MIB;
  gboolean ok = TRUE;

  {
    const char *child_argv[] = { self_path, "--count", path, NULL };

    run_counter (child_argv, out_path, err_path, result->items, &result->yajl);
    g_print ("%-6s %5.0f MB  yajl count   %7.2f s (cpu %6.2f s) %6.1f MB/s  peak RSS %7.1f MB\n",
             formats[result->format].name, mb, result->yajl.seconds, result->yajl.cpu_seconds,
             mb / result->yajl.seconds, result->yajl.peak_rss_mb);
    if (result->yajl.error)
      {
        g_print ("       FAILED: %s\n", result->yajl.error);
        ok = FALSE;
      }
  }

  {
    const char *child_argv[] = { demarc_check, "--format", "json", path, NULL };

    run_median (child_argv, NULL, NULL, err_path, &result->demarc);
    /* 1 only means gaps were found: the run itself succeeded. */
    if (result->demarc.exit_code == 1 && result->demarc.error)
      g_clear_pointer (&result->demarc.error, g_free);
    g_print ("%-6s %5.0f MB  demarc-check %7.2f s (cpu %6.2f s) %6.1f MB/s %8" G_GUINT64_FORMAT " items %8.0f items/s  peak RSS %7.1f MB  exit %d\n",
             formats[result->format].name, mb, result->demarc.seconds, result->demarc.cpu_seconds,
             mb / result->demarc.seconds, result->items, result->items / result->demarc.seconds,
             result->demarc.peak_rss_mb, result->demarc.exit_code);
    if (result->demarc.error)
      {
        g_print ("       FAILED: %s\n", result->demarc.error);
        ok = FALSE;
      }
  }

  if (jq != NULL)
    {
      const char *child_argv[] = { jq, formats[result->format].jq_filter, path, NULL };

      run_counter (child_argv, out_path, err_path, result->items, &result->jq);
      g_print ("%-6s %5.0f MB  jq           %7.2f s (cpu %6.2f s) %6.1f MB/s %8" G_GUINT64_FORMAT " items %8.0f items/s  peak RSS %7.1f MB  demarc/jq %.2f×\n",
               formats[result->format].name, mb, result->jq.seconds, result->jq.cpu_seconds,
               mb / result->jq.seconds, result->items, result->items / result->jq.seconds,
               result->jq.peak_rss_mb, result->demarc.seconds / result->jq.seconds);
      if (result->jq.error)
        {
          g_print ("       FAILED: jq '%s': %s\n", formats[result->format].jq_filter, result->jq.error);
          ok = FALSE;
        }
    }

  g_print ("%-6s %5.0f MB  demarc-check / yajl count %.1f×", formats[result->format].name, mb,
           result->demarc.seconds / result->yajl.seconds);
  if (result->jq.ran)
    g_print (", demarc-check / jq %.2f×", result->demarc.seconds / result->jq.seconds);
  g_print ("\n\n");
  return ok;
}

static void
print_summary (GArray *results)
{
  g_print ("\n%-6s %6s %9s %8s %9s %7s %9s %8s %9s %9s %8s %8s\n", "format", "MB", "items", "yajl s", "demarc s",
           "MB/s", "items/s", "RSS MB", "jq s", "jq RSS MB", "÷ yajl", "÷ jq");
  for (guint i = 0; i < results->len; i++)
    {
      Result *r = &g_array_index (results, Result, i);
      double mb = r->bytes / MIB;

      g_print ("%-6s %6.0f %9" G_GUINT64_FORMAT " %8.2f %9.2f %7.1f %9.0f %8.1f", formats[r->format].name, mb,
               r->items, r->yajl.seconds, r->demarc.seconds, mb / r->demarc.seconds, r->items / r->demarc.seconds,
               r->demarc.peak_rss_mb);
      if (r->jq.ran)
        g_print (" %9.2f %9.1f %7.1f× %7.2f×", r->jq.seconds, r->jq.peak_rss_mb, r->demarc.seconds / r->yajl.seconds,
                 r->demarc.seconds / r->jq.seconds);
      else
        g_print (" %9s %9s %7.1f× %8s", "-", "-", r->demarc.seconds / r->yajl.seconds, "-");
      g_print ("%s\n", r->yajl.error || r->demarc.error || r->jq.error ? "  FAILED" : "");
      run_clear (&r->yajl);
      run_clear (&r->demarc);
      run_clear (&r->jq);
    }
}

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      guint64 size;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 100000, &size, error))
        return FALSE;
      g_array_append_val (sizes, size);
    }
  return TRUE;
}

static gboolean
parse_formats (const char  *text,
               GArray      *list,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      guint f;

      for (f = 0; f < G_N_ELEMENTS (formats); f++)
        if (g_str_equal (g_strstrip (parts[i]), formats[f].name))
          break;
      if (f == G_N_ELEMENTS (formats))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown format “%s” (config, asff or ocsf)", parts[i]);
          return FALSE;
        }
      g_array_append_val (list, f);
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_text = NULL;
  g_autofree char *formats_text = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *count = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  int folder_files = 200;
  int runs = 3;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_FILENAME, &count, "Only count FILE's items with yajl, building nothing", "FILE" },
    { "folder", 0, 0, G_OPTION_ARG_INT, &folder_files, "Files of 1 MB in the folder read with 1 and 2 workers (default 200; 0: none)", "N" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text, "File sizes in MB (default 10,100,500)", "N,N…" },
    { "formats", 0, 0, G_OPTION_ARG_STRING, &formats_text, "Formats (default config,asff,ocsf)", "F,F…" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the files to DIR and keep them", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Run each command N times and give the median (default 3)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "[DEMARC_CHECK]" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) format_list = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_autofree char *demarc_check = NULL;
  g_autofree char *jq = g_find_program_in_path ("jq");
  g_autofree char *dir = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *err_path = NULL;
  gboolean failed = FALSE;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Runs demarc-check --format json on generated exports and prints time and peak memory.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_sizes (sizes_text ? sizes_text : "10,100,500", sizes, &error) ||
      !parse_formats (formats_text ? formats_text : "config,asff,ocsf", format_list, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 2;
    }
  if (count != NULL)
    return count_items (count);

  demarc_check = g_strdup (rest && rest[0] ? rest[0] : g_getenv ("DEMARC_CHECK"));
  if (demarc_check == NULL || !g_file_test (demarc_check, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("bench: give the demarc-check path as an argument or in DEMARC_CHECK%s%s\n",
                  demarc_check ? "; not executable: " : "", demarc_check ? demarc_check : "");
      return 2;
    }

  if (keep != NULL)
    {
      if (g_mkdir_with_parents (keep, 0700) != 0)
        {
          g_printerr ("bench: %s: %s\n", keep, g_strerror (errno));
          return 2;
        }
      dir = g_strdup (keep);
    }
  else if ((dir = g_dir_make_tmp ("demarc-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return 2;
    }
  out_path = g_build_filename (dir, "bench-stdout.txt", NULL);
  err_path = g_build_filename (dir, "bench-stderr.txt", NULL);

  n_runs = CLAMP (runs, 1, 100);
  g_print ("demarc-check: %s\njq: %s\nfolder: %s\ntimes: the median of %u runs\n\n", demarc_check,
           jq ? jq : "not installed", dir, n_runs);

  for (guint f = 0; f < format_list->len; f++)
    for (guint s = 0; s < sizes->len; s++)
      {
        Result result = { 0 };
        g_autofree char *name = NULL;
        g_autofree char *path = NULL;
        gint64 start;
        double mb;

        result.format = g_array_index (format_list, guint, f);
        result.size_mb = g_array_index (sizes, guint64, s);
        name = g_strdup_printf ("%s-%uMB.json", formats[result.format].name, result.size_mb);
        path = g_build_filename (dir, name, NULL);

        start = g_get_monotonic_time ();
        if (!generate (result.format, result.size_mb, 0, path, &result.items, &result.bytes, &error))
          {
            g_printerr ("bench: cannot write %s\n", error->message);
            g_clear_error (&error);
            g_unlink (path);
            failed = TRUE;
            continue;
          }
        result.generate_seconds = (g_get_monotonic_time () - start) / 1e6;
        mb = result.bytes / MIB;
        g_print ("%-6s %5.0f MB  wrote %" G_GUINT64_FORMAT " items in %.1f s\n",
                 formats[result.format].name, mb, result.items, result.generate_seconds);

        if (!bench_file (&result, path, self_path, demarc_check, jq, out_path, err_path))
          failed = TRUE;

        if (keep == NULL)
          g_unlink (path);
        g_array_append_val (results, result);
      }

  g_unlink (out_path);
  g_unlink (err_path);

  print_summary (results);
  if (folder_files > 0 && !bench_folder_in (dir, demarc_check, folder_files, keep != NULL))
    failed = TRUE;
  if (keep == NULL)
    g_rmdir (dir);

  return failed ? 1 : 0;
}

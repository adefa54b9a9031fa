#!/bin/bash
# test-collect.sh: demarc-collect against a fake AWS CLI, as TAP.
#   test-collect.sh COLLECTOR DEMARC_CHECK
set -u

collector=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"

# The fake "aws": answers from canned JSON and logs every call.
cat > "$work/bin/aws" <<'FAKE'
#!/bin/bash
echo "$*" >> "$FAKE_AWS_LOG"
args=" $* "
case "$args" in
  *" lambda list-functions "*"--query"*) printf 'fn-a\n' ;;
  *" lambda get-policy "*"--function-name fn-a "*) echo '{"Policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:eu-west-1:999988887777:function:fn-a\"}]}", "RevisionId": "1"}' ;;
  *" sts get-caller-identity "*) echo '{"Account": "999988887777", "Arn": "arn:aws:iam::999988887777:user/auditor", "UserId": "AIDA"}' ;;
  *" ec2 describe-regions "*) printf 'eu-west-1\tus-east-1\n' ;;
  *"--query"*) echo 'None' ;;
  *" iam get-account-summary "*) echo '{"SummaryMap": {"AccountMFAEnabled": 0, "AccountAccessKeysPresent": 0}}' ;;
  *" iam get-credential-report "*) echo 'An error occurred (ReportNotPresent) when calling the GetCredentialReport operation: "quoted"' >&2; exit 254 ;;
  # Hostile text: control characters, invalid UTF-8, quotes, backslashes.
  *" iam list-virtual-mfa-devices "*) printf '{"VirtualMFADevices": [{"SerialNumber": "arn:aws:iam::999988887777:mfa/q\\"b\\\\s\\u001b[31m\\u0007 caf\303\251 \377\376 end"}]}\n' ;;
  *" iam get-account-password-policy "*) printf 'An error occurred (NoSuchEntity): \033[31m"red"\033[0m back\\slash \377\376 tab\there\000nul\r\nsecond line\n' >&2; exit 254 ;;
  *" ec2 describe-volumes "*) printf 'Warning: \033[1mnot JSON\377\n{"Volumes": []}\n' ;;
  *" ec2 get-ebs-encryption-by-default "*) printf '{"EbsEncryptionByDefault": "raw\001control"}\n' ;;
  *" rds describe-db-instances "*) printf '{"DBInstances": []}\n{"DBInstances": []}\n' ;;
  *" ec2 describe-security-groups "*) echo '{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "ssh", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}]}' ;;
  *) echo '{}' ;;
esac
FAKE
chmod +x "$work/bin/aws"
export FAKE_AWS_LOG="$work/calls.log"
export PATH="$work/bin:$PATH"

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
check_that () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

echo "1..17"

# In an empty folder, with a private TMPDIR: to see that nothing else is left.
mkdir -p "$work/run" "$work/tmp"
(cd "$work/run" && TMPDIR="$work/tmp" "$collector" --output bundle.json 2> "$work/progress.txt")
status=$?
mv "$work/run/bundle.json" "$work/bundle.json"
check_that "the collector succeeds and writes the bundle" '[ $status -eq 0 ] && [ -s "$work/bundle.json" ] && [ ! -e "$work/bundle.json.partial" ]'

# 5 global calls + 2 regions x (22 regional calls + 2 calls for the one function).
check_that "one progress line per call" '[ "$(grep -c "^\[[0-9]*/[0-9]*\]" "$work/progress.txt")" -eq 53 ] && grep -q "^\[53/53\]" "$work/progress.txt"'

check_that "only read-only operations are called" \
  '! grep -Eq "(^| )(create|put|delete|update|modify|generate|attach|detach|run|start|stop|terminate|tag|untag|enable|disable)-" "$FAKE_AWS_LOG"'

# 22 regional calls, 7 listings of resources, 2 calls for the function.
check_that "every regional call names its region" '[ "$(grep -c -- "--region eu-west-1" "$FAKE_AWS_LOG")" -eq 31 ]'

"$check" --format json "$work/bundle.json" > "$work/assessment.json" 2> "$work/check-err.txt"
check_status=$?
check_that "demarc-check reads the bundle and finds the open SSH port (exit 1)" '[ $check_status -eq 1 ]'

check_that "the bundle is recognised as such" 'grep -q "\"format\": \"demarc-bundle\"" "$work/assessment.json"'

check_that "findings carry the call's account and region" \
  'grep -q "\"id\": \"NET-01/arn:aws:ec2:eu-west-1:999988887777:security-group/sg-1\"" "$work/assessment.json" && grep -q "\"region\": \"eu-west-1\"" "$work/assessment.json" && grep -q "\"account\": \"999988887777\"" "$work/assessment.json"'

check_that "a function's public resource policy is read as Lambda's, not as a bucket's" \
  'grep -Eq "\"id\": \"APP-01/(arn:aws:lambda:[a-z0-9-]+:[0-9]{12}:function:)?fn-a\"" "$work/assessment.json" && ! grep -q "DATA-04/" "$work/assessment.json"'

check_that "a failed call is counted as skipped, with its reason" \
  'grep -q "the collector could not make this call" "$work/assessment.json"'

check_that "nothing but the bundle is left behind" \
  '[ -z "$(ls -A "$work/run")" ] && [ -z "$(ls -A "$work/tmp")" ]'

check_that "the bundle is valid JSON whatever the CLI printed" 'jq . "$work/bundle.json" > /dev/null'

check_that "the bundle keeps its format: header, then one call per line of service, operation, region, account, output or error" \
  'jq -e '"'"'.format == "demarc-bundle" and .format_version == 1 and .account == "999988887777" and (.collected_at | test("^[0-9-]+T[0-9:]+Z$")) and (.calls | length) == 53
         and all(.calls[]; keys_unsorted == ["service", "operation", "region", "account", "output"] or keys_unsorted == ["service", "operation", "region", "account", "error"])
         and ([.calls[] | select(.region == null)] | length) == 5 and ([.calls[] | select(.region == "us-east-1")] | length) == 24'"'"' "$work/bundle.json" > /dev/null'

check_that "demarc-check reads the hostile bundle without an error" '[ $check_status -eq 1 ] && [ ! -s "$work/check-err.txt" ]'

# Valid text intact; control characters escaped; invalid bytes become U+FFFD; CR dropped, as before.
check_that "an error message round-trips" \
  'jq -e --arg want "$(printf "An error occurred (NoSuchEntity): \033[31m\"red\"\033[0m back\\\\slash \357\277\275\357\277\275 tab\there")" '"'"'
     [.calls[] | select(.operation == "get-account-password-policy") | .error] == [$want + "\u0000nul\nsecond line"]'"'"' "$work/bundle.json" > /dev/null'

check_that "an output string round-trips" \
  'jq -e --arg want "$(printf "arn:aws:iam::999988887777:mfa/q\"b\\\\s\033[31m\007 caf\303\251 \357\277\275\357\277\275 end")" '"'"'
     [.calls[] | select(.operation == "list-virtual-mfa-devices") | .output.VirtualMFADevices[0].SerialNumber] == [$want]'"'"' "$work/bundle.json" > /dev/null'

check_that "an output that is not one JSON value is recorded as the call's error" \
  'jq -e '"'"'[.calls[] | select(.operation == "describe-volumes" or .operation == "get-ebs-encryption-by-default" or .operation == "describe-db-instances")]
     | length == 6 and all(.[]; has("output") | not)
     and (map(select(.operation == "describe-volumes"))[0].error | startswith("the AWS CLI printed output that is not JSON: Warning: \u001b[1mnot JSON\ufffd\n{"))'"'"' "$work/bundle.json" > /dev/null'

check_that "no control character from AWS reaches the terminal" \
  '! LC_ALL=C grep -q "[[:cntrl:]]" <(tr -d "\n\t" < "$work/progress.txt") && grep -q "failed: An error occurred (NoSuchEntity): \[31m\"red\"" "$work/progress.txt"'

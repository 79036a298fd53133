#!/usr/bin/env bash
# Proves that embedding works as the README says, from an empty local Maven repository:
#   1. the README's install command, into a throw-away local repository;
#   2. this separate project built and tested against what was installed (the runtime, the authoring kit for a pack
#      loaded from disk, the test kit), its pom (the README's) alone in an empty project, and the same pom without
#      its Surefire refused by the enforcer rule (Maven 3.8's default Surefire runs 0 JUnit 5 tests);
#   3. the README's example run on a sample ledger with plain java, checking that nothing is printed on stderr.
# Usage: examples/embedding/run.sh            downloads dependencies from Maven Central (a few minutes)
#        OFFLINE_MIRROR=1 examples/embedding/run.sh   uses ~/.m2/repository as the only remote (no network)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repo="$(mktemp -d)"
trap 'rm -rf "$repo"' EXIT
settings=()
if [ "${OFFLINE_MIRROR:-}" = 1 ]; then
  cat > "$repo/settings.xml" <<XML
<settings><mirrors><mirror><id>local-copy</id><mirrorOf>*</mirrorOf>
<url>file://$HOME/.m2/repository</url></mirror></mirrors></settings>
XML
  settings=(-s "$repo/settings.xml")
fi
mvn=(mvn -B -ntp -q "${settings[@]}" -Dmaven.repo.local="$repo/repository")

echo "1. README: mvn -B -ntp -pl rules-lib,authoring,test-kit -am install -DskipTests   (local repository: $repo/repository)"
(cd "$root" && "${mvn[@]}" -pl rules-lib,authoring,test-kit -am install -DskipTests)
echo "2. the separate project: mvn test (Maven $(mvn -v | sed -n '1s/.*Maven \([0-9.]*\).*/\1/p')), and its tests did run"
(cd "$here" && "${mvn[@]}" test)
ran=$(cat "$here"/target/surefire-reports/TEST-*.xml | sed -n 's/.*<testsuite [^>]*tests="\([0-9]*\)".*/\1/p' | paste -sd+ | bc)
if [ "${ran:-0}" -lt 1 ]; then echo "FAIL: no test ran" >&2; exit 1; fi
echo "   $ran tests ran"
echo "2b. the README's pom alone, in an empty project: mvn verify"
mkdir -p "$repo/empty" && cp "$here/pom.xml" "$repo/empty/"
(cd "$repo/empty" && "${mvn[@]}" verify)
echo "2c. the same pom without its Surefire (Maven's default 2.12.4 would run 0 tests): the enforcer fails the build"
mkdir -p "$repo/old" && sed '/Maven 3.8.s default Surefire/,/<\/plugin>/d' "$here/pom.xml" >"$repo/old/pom.xml"
if grep -q '<artifactId>maven-surefire-plugin</artifactId>' "$repo/old/pom.xml"; then
  echo "FAIL: could not take Surefire out of the pom" >&2; exit 1
fi
if (cd "$repo/old" && mvn -B -ntp "${settings[@]}" -Dmaven.repo.local="$repo/repository" validate >"$repo/old.txt" 2>&1); then
  echo "FAIL: a build with the default Surefire passed" >&2; exit 1
fi
grep -q 'maven-surefire-plugin:maven-plugin:2.12.4 <--- banned plugin' "$repo/old.txt"
echo "   refused: $(grep -o 'maven-surefire-plugin:maven-plugin:2.12.4 <--- banned plugin' "$repo/old.txt")"
echo "3. the README's example, run with plain java on the project's runtime class path: the runtime alone, without the"
echo "   DRL compiler and without a logging binding"
(cd "$here" && "${mvn[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$repo/cp.txt" -DincludeScope=runtime)
if ! java -cp "$here/target/classes:$(cat "$repo/cp.txt")" example.CheckLedger \
  "$root/sample-data/dianchang-2023/gaps-meetings.json" >"$repo/out.txt" 2>"$repo/err.txt"; then
  echo "FAIL: the example did not run:" >&2; cat "$repo/out.txt" "$repo/err.txt" >&2; exit 1
fi
cat "$repo/out.txt"
if grep -q -e drools-compiler -e ecj -e plancheck-authoring "$repo/cp.txt"; then
  echo "FAIL: the runtime class path holds the DRL compiler or the authoring kit:" >&2; tr ':' '\n' <"$repo/cp.txt" >&2; exit 1
fi
if [ -s "$repo/err.txt" ]; then
  echo "FAIL: the example wrote on stderr:" >&2; cat "$repo/err.txt" >&2; exit 1
fi
grep -q '^6 月 15 日：已落实 39　缺项 0　未到期 39　不适用 1，即将到期 14 项$' "$repo/out.txt"
echo "OK: installed, built, tested and run from an empty local repository; nothing on stderr"

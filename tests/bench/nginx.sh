# Sourced by the benchmark scripts: a free loopback port, waiting for a server to answer, and
# nginx serving a folder of static files on loopback, with the same keep-alive limits as
# config/samverkan.properties and no access log.
#   start_nginx <work-dir> <port> <workers> <www-dir> <default-type> [<http directives>]
# The optional last argument goes into the http block as it is, e.g. "gzip_static on;".
# Sets ng_pid and appends it to the caller's pids array; needs the caller's nginx_bin and die().
start_nginx() {
  local dir=$1 port=$2 workers=$3 www=$4 type=$5 extra=${6:-}
  mkdir -p "$dir"
  cat > "$dir/nginx.conf" << NGINX_CONF
worker_processes $workers;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 5s;
  keepalive_requests 1000;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  types { }
  default_type $type;
  $extra
  server {
    listen 127.0.0.1:$port;
    root $www;
    location / { }
  }
}
NGINX_CONF
  local args=(-p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log")
  "$nginx_bin" "${args[@]}" -t > "$dir/test.log" 2>&1 || { cat "$dir/test.log" >&2; die "nginx -t failed"; }
  "$nginx_bin" "${args[@]}" > "$dir/stdout.log" 2>&1 &
  ng_pid=$!
  pids+=("$ng_pid")
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_http URL PID NAME: until URL answers, the process dies, or 30 s pass.
wait_http() {
  local url=$1 pid=$2 name=$3 i
  for ((i = 0; i < 300; i++)); do
    if curl -fsS -o /dev/null --max-time 1 "$url" 2> /dev/null; then return 0; fi
    if ! kill -0 "$pid" 2> /dev/null; then echo "bench: $name exited while starting" >&2; return 1; fi
    sleep 0.1
  done
  echo "bench: $name did not answer $url within 30 s" >&2
  return 1
}

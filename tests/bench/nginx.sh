# Sourced by the benchmark scripts: starts nginx serving a folder of static files on loopback,
# with the same keep-alive limits as config/samverkan.properties and no access log.
#   start_nginx <work-dir> <port> <workers> <www-dir> <default-type>
# Sets ng_pid and appends it to the caller's pids array; needs the caller's nginx_bin and die().
start_nginx() {
  local dir=$1 port=$2 workers=$3 www=$4 type=$5
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

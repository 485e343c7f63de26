package main

import "reflect"

func walkReflect(v any, f func(any), seen map[any]bool) {
	var rec func(r reflect.Value)
	rec = func(r reflect.Value) {
		switch r.Kind() {
		case reflect.Ptr, reflect.Interface:
			if r.IsNil() {
				return
			}
			if r.Kind() == reflect.Ptr {
				if seen[r.Interface()] {
					return
				}
				seen[r.Interface()] = true
				f(r.Interface())
			}
			rec(r.Elem())
		case reflect.Struct:
			for i := 0; i < r.NumField(); i++ {
				if r.Type().Field(i).IsExported() {
					rec(r.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < r.Len(); i++ {
				rec(r.Index(i))
			}
		}
	}
	rec(reflect.ValueOf(v))
}
